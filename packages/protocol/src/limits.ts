/** Bounds that widgets enforce as people type and endpoints enforce on arrival. */
export const limits = {
  /** Largest request body an endpoint accepts, in bytes. */
  bodyBytes: 64 * 1024,
  /** Characters (code points, as JSON Schema counts them) in a `widgetId`. */
  widgetIdLength: 200,
  /** An option value, category or item id. */
  valueLength: 200,
  /** Free text: a poll's "other", a pairwise suggestion, a needs/assets detail, an area. */
  textLength: 1000,
  /** Items in one answer (choices, order, allocation keys, needs, assets). */
  items: 100,
  nameLength: 200,
  emailLength: 254,
  phoneLength: 40,
  localeLength: 35,
  pageLength: 2048,
} as const;

/** RFC 4122 textual form; any version, so that endpoints accept ids made by other clients too. */
export const uuidPattern = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/**
 * Printable characters: no control characters, no leading or trailing space, and not `.` or `..`,
 * which a browser resolves away in `/results/{widgetId}`, so that such an id could never be read back.
 */
export const widgetIdPattern =
  '^(?!\\.\\.?$)[^\\u0000-\\u001f\\u007f-\\u009f\\s](?:[^\\u0000-\\u001f\\u007f-\\u009f]*[^\\u0000-\\u001f\\u007f-\\u009f\\s])?$';

export const isUuid = (value: unknown): value is string => typeof value === 'string' && new RegExp(uuidPattern).test(value);

const widgetIdExpression = new RegExp(widgetIdPattern, 'u');

/**
 * What the envelope schema accepts as a `widgetId`, and so what an endpoint must answer results and
 * export for: 1–200 characters counted as code points (an emoji is one), matching `widgetIdPattern`.
 */
export const isWidgetId = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length >= 1 &&
  // At most two UTF-16 units per code point: only a string this short needs counting.
  value.length <= 2 * limits.widgetIdLength &&
  [...value].length <= limits.widgetIdLength &&
  widgetIdExpression.test(value);
