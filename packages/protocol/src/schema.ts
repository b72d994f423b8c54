import { limits, uuidPattern, widgetIdPattern } from './limits.js';

/**
 * JSON Schema (draft-07, as Ajv and Fastify use by default) for the envelope of `POST /responses`.
 *
 * It checks shape, types and bounds. Rules that JSON Schema cannot say (a pairwise winner must be one
 * of the pair) are checked by `answerProblem` in `validate.ts`, which endpoints run after the schema.
 */

const value = { type: 'string', minLength: 1, maxLength: limits.valueLength } as const;
const text = { type: 'string', minLength: 1, maxLength: limits.textLength } as const;
const values = { type: 'array', items: value, minItems: 1, maxItems: limits.items, uniqueItems: true } as const;

const entries = {
  type: 'array',
  maxItems: limits.items,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['category'],
    properties: { category: value, detail: text },
  },
} as const;

export const answerSchemas = {
  poll: {
    type: 'object',
    additionalProperties: false,
    required: ['choices'],
    properties: { choices: values, other: text },
  },
  ranking: {
    type: 'object',
    additionalProperties: false,
    required: ['order'],
    properties: { order: values },
  },
  pairwise: {
    oneOf: [
      {
        type: 'object',
        additionalProperties: false,
        required: ['pair', 'winner'],
        properties: {
          pair: { type: 'array', items: value, minItems: 2, maxItems: 2, uniqueItems: true },
          winner: { anyOf: [value, { type: 'null' }] },
        },
      },
      {
        type: 'object',
        additionalProperties: false,
        required: ['suggestion'],
        properties: { suggestion: text },
      },
    ],
  },
  budget: {
    type: 'object',
    additionalProperties: false,
    required: ['allocation'],
    properties: {
      allocation: {
        type: 'object',
        minProperties: 1,
        maxProperties: limits.items,
        propertyNames: { minLength: 1, maxLength: limits.valueLength },
        additionalProperties: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
      },
    },
  },
  'needs-assets': {
    type: 'object',
    additionalProperties: false,
    required: ['needs', 'assets'],
    properties: {
      needs: entries,
      assets: entries,
      area: text,
      contact: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        anyOf: [{ required: ['email'] }, { required: ['phone'] }],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: limits.nameLength },
          email: { type: 'string', minLength: 3, maxLength: limits.emailLength, pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' },
          phone: { type: 'string', minLength: 5, maxLength: limits.phoneLength, pattern: '^\\+?[0-9 ()-]+$' },
        },
      },
    },
  },
} as const;

const widgets = Object.keys(answerSchemas) as (keyof typeof answerSchemas)[];

export const envelopeSchema = {
  $id: 'https://delib.dev/schema/v1/envelope.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'delib response envelope, protocol version 1',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'widget', 'widgetId', 'submittedAt', 'locale', 'page', 'answer'],
  properties: {
    id: { type: 'string', pattern: uuidPattern },
    widget: { enum: widgets },
    widgetId: { type: 'string', minLength: 1, maxLength: limits.widgetIdLength, pattern: widgetIdPattern },
    submittedAt: { type: 'string', format: 'date-time', maxLength: 40 },
    locale: { type: 'string', minLength: 2, maxLength: limits.localeLength, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' },
    page: { type: 'string', maxLength: limits.pageLength },
    answer: { type: 'object' },
  },
  allOf: widgets.map((widget) => ({
    if: { properties: { widget: { const: widget } }, required: ['widget'] },
    then: { properties: { answer: answerSchemas[widget] } },
  })),
} as const;

/**
 * What an endpoint answers, as JSON Schema (draft-07): for an endpoint's own tests, and for the
 * project's, which check the contract's examples and the reference endpoint's answers against them.
 * Widgets read these bodies leniently (an extra field is ignored); the schemas say what they rely on.
 */
const count = { type: 'integer', minimum: 0 } as const;
const counts = { type: 'object', additionalProperties: count } as const;
const outcome = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'publishedAt'],
  properties: {
    text: {
      type: 'object',
      additionalProperties: false,
      required: ['en'],
      properties: { en: { type: 'string' }, cy: { type: 'string' }, gd: { type: 'string' } },
    },
    publishedAt: { type: 'string', format: 'date-time' },
  },
} as const;
const itemsOf = (required: readonly string[], properties: Record<string, object>) =>
  ({
    type: 'array',
    items: { type: 'object', additionalProperties: false, required, properties: { id: { type: 'string' }, ...properties } },
  }) as const;

const resultFields = {
  poll: { required: ['counts'], properties: { counts } },
  ranking: {
    required: ['items'],
    properties: { items: itemsOf(['id', 'borda', 'meanRank'], { borda: count, meanRank: { type: 'number', minimum: 1 } }) },
  },
  pairwise: {
    required: ['items'],
    properties: {
      items: itemsOf(['id', 'score', 'wins', 'losses'], {
        score: { type: 'number', minimum: 0, maximum: 100 },
        wins: count,
        losses: count,
        label: { type: 'string' },
      }),
    },
  },
  budget: {
    required: ['items'],
    properties: { items: itemsOf(['id', 'total', 'mean'], { total: count, mean: { type: 'number', minimum: 0 } }) },
  },
  'needs-assets': { required: ['needs', 'assets'], properties: { needs: counts, assets: counts } },
} as const;

/** `GET {endpoint}/results/{widgetId}`: one body per widget kind. */
export const resultsSchema = {
  $id: 'https://delib.dev/schema/v1/results.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'delib results, protocol version 1',
  type: 'object',
  required: ['widget', 'widgetId', 'total'],
  properties: { widget: { enum: widgets }, widgetId: { type: 'string' }, total: count, outcome },
  allOf: widgets.map((widget) => ({
    if: { properties: { widget: { const: widget } }, required: ['widget'] },
    then: {
      required: resultFields[widget].required,
      properties: resultFields[widget].properties,
      // The base fields and this kind's: nothing else.
      propertyNames: { enum: ['widget', 'widgetId', 'total', 'outcome', ...Object.keys(resultFields[widget].properties)] },
    },
  })),
} as const;

/** 200 or 201 to `POST {endpoint}/responses`: stored (or stored before under this id). */
export const acknowledgementSchema = {
  $id: 'https://delib.dev/schema/v1/acknowledgement.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'accepted'],
  properties: { id: { type: 'string', pattern: uuidPattern }, accepted: { const: true } },
} as const;

/** The body of every 4xx an endpoint means (a widget treats any other 4xx body as misconfiguration). */
export const errorBodySchema = {
  $id: 'https://delib.dev/schema/v1/error.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', minLength: 1 },
        message: { type: 'string', minLength: 1 },
        field: { type: 'string' },
      },
    },
  },
} as const;

/** `GET {endpoint}/items/{widgetId}`: items people added and a moderator approved. */
export const approvedItemsSchema = {
  $id: 'https://delib.dev/schema/v1/items.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'label'],
        properties: { value: { type: 'string', minLength: 1 }, label: { type: 'string', minLength: 1 } },
      },
    },
  },
} as const;
