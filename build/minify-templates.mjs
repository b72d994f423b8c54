import MagicString from 'magic-string';
import ts from 'typescript';

/**
 * Collapses the white space that terser leaves in the text of delib's Lit templates.
 *
 * Which templates: tagged templates whose tag is the bare name `html`, `svg` or `css` (not `lit.html`,
 * not `staticHtml`), in delib's own sources (`packages/<name>/src/…ts`; any other file comes back
 * untouched). They are found by TypeScript's parser, not by scanning characters, so a backtick or a
 * brace inside a regular expression, a string or a comment cannot be taken for a template, and a file
 * name ending in "css" before a backtick is not a stylesheet. Only the literal text between the
 * backticks is rewritten, one part at a time: the code of every `${…}` is never touched, and white
 * space beside one is at most collapsed, never dropped.
 *
 * `html` and `svg` (markup):
 * - a run of white space that holds a line break becomes one space: HTML shows both alike;
 * - white space without a line break is left as written (`<b>a</b>  <i>b</i>` keeps both spaces);
 * - the content of `<pre>` and `<textarea>` is left alone, since there a line break is content
 *   (delib's templates have none today: every textarea is empty and filled through `.value`);
 * - white space after a backslash is left alone: it belongs to an escape (a line continuation);
 * - comments (`<!-- -->`), attributes and quotes are left as written: Lit reads them.
 *   A line break inside a quoted attribute value becomes a space too; no template has one.
 *
 * `css` (stylesheets):
 * - comments are dropped, each leaving one space, so that the words on either side stay apart;
 * - runs of white space become one space, then the spaces around `{`, `}`, `;` and `,` and after `:`
 *   go, and a `;` just before `}` goes;
 * - spaces elsewhere stay: `calc(1px + 2px)` needs them, and `:host .x` or `a :hover` is a descendant;
 * - strings (`content: ' , '`) are copied as written, and so is a string or comment that a `${…}`
 *   interrupts, on both sides of it;
 * - white space is trimmed only at the very start and end of the stylesheet, not beside a `${…}`;
 * - a stylesheet with a backslash anywhere is left as written: in a template an escape is read twice,
 *   by JavaScript and then by CSS, and getting both right is not worth a few bytes (delib's have none).
 *
 * Why not a plugin from npm: @literals/rollup-plugin-html-css-minifier, the maintained one (tried in
 * December 2026), brings 46 packages, a native CSS parser among them, and by default drops the space in
 * `${label} <span>`, which a reader sees. Set to keep such spaces, it made dist/ about 0.3 KB smaller
 * (brotli, all files; 89 B on delib.min.js) than the scanner this file replaced, by rewriting CSS values
 * and the insides of tags rather than white space.
 */

/** delib's own sources; rollup passes absolute file names. */
const ownSource = /packages\/\w[\w-]*\/src\/.*\.ts$/;
const markupTags = new Set(['html', 'svg']);

/**
 * The literal parts of one template: `{ start, end }` offsets of the text between its delimiters.
 * `getStart()` and `end` take in the delimiters themselves: the backticks, `${` and `}`.
 */
function literalParts(template, file) {
  const range = (node, closing) => ({ start: node.getStart(file) + 1, end: node.end - closing });
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [range(template, 1)];
  return [
    range(template.head, 2),
    ...template.templateSpans.map(({ literal }) => range(literal, ts.isTemplateTail(literal) ? 1 : 2)),
  ];
}

/** Every `html`, `svg` and `css` template in the file, outer ones before the ones inside them. */
function taggedTemplates(file) {
  const found = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const tag = node.tag.text;
      if (tag === 'css' || markupTags.has(tag)) found.push({ tag, parts: literalParts(node.template, file) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// Stands for a `${…}` between parts while a template's text is read as one: not white space, not
// punctuation, and not a character a source holds (a template that holds it is left alone).
const slot = '\uE000';

/** Markup: each run of white space with a line break, outside `<pre>` and `<textarea>`, becomes one space. */
function collapseMarkup(output, code, parts) {
  const texts = parts.map(({ start, end }) => code.slice(start, end));
  if (texts.some((text) => text.includes(slot))) return;
  const joined = texts.join(slot);
  // The content, between the opening tag (whose `${…}` are slots, not `>`) and the closing one.
  const verbatim = [...joined.matchAll(/<(pre|textarea)\b[^>]*>([\s\S]*?)<\/\1\b/dgi)].map((match) => match.indices[2]);
  // Where each part starts in `joined`, to find a run's place in the source again.
  let offset = 0;
  const starts = texts.map((text) => {
    const at = offset;
    offset += text.length + slot.length;
    return at;
  });
  for (const match of joined.matchAll(/\s*\n\s*/g)) {
    const at = match.index;
    if (joined[at - 1] === '\\' || verbatim.some(([from, to]) => at >= from && at < to)) continue;
    // A run never crosses a slot, which is not white space: it lies in one part.
    const part = starts.findLastIndex((start) => start <= at);
    const from = parts[part].start + at - starts[part];
    output.overwrite(from, from + match[0].length, ' ');
  }
}

/**
 * Splits one part of a stylesheet into its code and the pieces copied as written (strings, and comments
 * that a `${…}` interrupts). `state.inside` is the quote or comment that the part before left open.
 * Returns the code, with `slot` standing for each copied piece, and the pieces in order.
 */
function cssPieces(text, state) {
  let code = '';
  const kept = [];
  let index = 0;
  while (index < text.length) {
    if (state.inside) {
      // Up to the end of the open string or comment, or of the part.
      const closing = state.inside === '/*' ? '*/' : state.inside;
      const end = text.indexOf(closing, index);
      const stop = end < 0 ? text.length : end + closing.length;
      code += slot;
      kept.push(text.slice(index, stop));
      if (end >= 0) state.inside = null;
      index = stop;
    } else if (text[index] === '"' || text[index] === "'") {
      state.inside = text[index];
      code += slot;
      kept.push(text[index]);
      index++;
    } else if (text.startsWith('/*', index)) {
      const end = text.indexOf('*/', index + 2);
      if (end < 0) state.inside = '/*';
      else {
        code += ' ';
        index = end + 2;
      }
    } else {
      code += text[index];
      index++;
    }
  }
  return { code, kept };
}

/** Stylesheet: see the rules at the top of this file. */
function collapseStylesheet(output, code, parts) {
  const texts = parts.map(({ start, end }) => code.slice(start, end));
  if (texts.some((text) => text.includes(slot) || text.includes('\\'))) return;
  const state = { inside: null };
  parts.forEach(({ start, end }, index) => {
    const { code: css, kept } = cssPieces(texts[index], state);
    let text = css
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}');
    if (index === 0) text = text.trimStart();
    if (index === parts.length - 1) text = text.trimEnd();
    text = text.replace(new RegExp(slot, 'g'), () => kept.shift());
    if (text === texts[index]) return;
    if (text) output.overwrite(start, end, text);
    else output.remove(start, end);
  });
}

/**
 * The file with its templates' white space collapsed, and the source map of the change, or null when
 * the file is not one of delib's sources or has nothing to collapse.
 * @param {string} code a TypeScript module
 * @param {string} id its file name, as rollup gives it
 * @returns {{ code: string, map: import('magic-string').SourceMap } | null}
 */
export function minifyTemplates(code, id) {
  if (!ownSource.test(id)) return null;
  const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const output = new MagicString(code);
  for (const { tag, parts } of taggedTemplates(file)) {
    if (markupTags.has(tag)) collapseMarkup(output, code, parts);
    else collapseStylesheet(output, code, parts);
  }
  if (!output.hasChanged()) return null;
  return { code: output.toString(), map: output.generateMap({ hires: true, source: id }) };
}

/** The rollup plugin: runs before esbuild, which would turn the templates into plain calls. */
export const templates = () => ({
  name: 'delib-templates',
  transform: (code, id) => minifyTemplates(code, id),
});
