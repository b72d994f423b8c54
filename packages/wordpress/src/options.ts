/**
 * A block's options as an author writes them, one a line (`Label`, or `value | Label` to choose the value
 * sent), and back. Values made from labels follow WordPress's slugs: "Café seating" → "cafe-seating".
 */
export interface Option {
  value: string;
  label: string;
}

/** A value made from a label, as WordPress makes a slug: "Café seating" → "cafe-seating". */
export function slug(label: string, index: number): string {
  const made = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return made || `option-${index + 1}`;
}

/** The options text, one a line: `Label`, or `value | Label` to choose the value sent. */
export function parseOptions(text: string): Option[] {
  const seen = new Set<string>();
  const options: Option[] = [];
  for (const line of text.split('\n').slice(0, 200)) {
    const bar = line.indexOf('|');
    const label = (bar < 0 ? line : line.slice(bar + 1)).trim();
    if (!label) continue;
    let value = bar < 0 ? slug(label, options.length) : line.slice(0, bar).trim() || slug(label, options.length);
    for (let suffix = 2; seen.has(value); suffix++) value = `${value.replace(/-\d+$/, '')}-${suffix}`;
    seen.add(value);
    options.push({ value, label });
  }
  return options;
}

export function optionsText(options: Option[]): string {
  return options
    .map((option, index) => (option.value === slug(option.label, index) ? option.label : `${option.value} | ${option.label}`))
    .join('\n');
}

/**
 * Text as the page will show it: a saved attribute has been through WordPress's kses, which writes `&`
 * as `&amp;`, and the plugin shows tags as nothing (it never writes an author's text out as HTML). Parsed
 * in a document of its own, which runs nothing.
 */
export function plain(text: string): string {
  return new DOMParser().parseFromString(text, 'text/html').body.textContent ?? '';
}
