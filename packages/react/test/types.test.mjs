/**
 * The typings, as an app's TypeScript sees them (the built `dist/*.d.ts`, resolved as an installed
 * package would be): files written from the packages' custom-elements.json that use every tag with
 * every attribute, and every event with its typed `detail`, in React 19 (plain tags and the
 * components), Preact, Solid, Vue and Svelte, must compile; the wrong value for an attribute, a prop
 * or a listener must not (each such line is marked `@ts-expect-error`, which fails when nothing is wrong).
 * Run `npm run build` first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const scratch = join(root, '.scratch', 'react-types');

/** Every tag in the element packages' manifests: `{ tag: { attributes: [{ name, field, type }] } }`. */
function tags() {
  const found = {};
  for (const folder of ['core', 'poll', 'ranking', 'needs-assets']) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'custom-elements.json'), 'utf8'));
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.tagName) continue;
        found[declaration.tagName] = {
          attributes: (declaration.attributes ?? []).map((attribute) => ({
            name: attribute.name,
            field: attribute.fieldName ?? attribute.name,
            type: attribute.type?.text ?? 'string',
          })),
          events: (declaration.events ?? []).map((event) => event.name),
        };
      }
    }
  }
  return found;
}

/** A value of the attribute's type, as JSX writes it (`attribute`) or as a property (`property`). */
function value({ name, type }) {
  if (name === 'messages') return { attribute: '{{}}', property: '{{}}' };
  if (name === 'headers') return { attribute: `'{"X-CSRF-Token":"t"}'`, property: `{{ 'X-CSRF-Token': 't' }}` };
  if (/^boolean/.test(type)) return { attribute: '{true}', property: '{true}' };
  if (/^number/.test(type)) return { attribute: '{3}', property: '{3}' };
  if (type === 'ResultsMode') return { attribute: '"always"', property: '"always"' };
  if (type.includes("'dots'")) return { attribute: '"dots"', property: '"dots"' };
  if (name === 'remember') return { attribute: '"session"', property: '"session"' };
  if (type === 'RequestCredentials') return { attribute: '"include"', property: '"include"' };
  if (name === 'closes') return { attribute: '"2026-12-31T23:59:00Z"', property: '"2026-12-31T23:59:00Z"' };
  return { attribute: '"x"', property: '"x"' };
}

const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^\w/, (letter) => letter.toUpperCase());
/** A listener whose parameter must be typed for the body to compile (noImplicitAny, a string wanted). */
const listener = '(event) => { const id: string = event.detail.envelope.id; void id; }';

/** `<tag every-attribute=… ondelib-…={…}>` with the framework's way of listening. */
function plainTags(all, listen) {
  return Object.entries(all)
    .map(([tag, { attributes, events }]) => {
      const props = attributes.map((attribute) => `${attribute.name}=${value(attribute).attribute}`);
      props.push('lang="cy"', ...events.map((event) => `${listen(event)}={${listener}}`));
      return `export const ${camel(tag)} = <${tag} ${props.join(' ')}><option value="a">A</option></${tag}>;`;
    })
    .join('\n');
}

function files(all) {
  const widgets = Object.keys(all).filter((tag) => tag !== 'delib-provider');
  const components = Object.entries(all)
    .map(([tag, { attributes, events }]) => {
      const props = attributes.map((attribute) => `${attribute.field}=${value(attribute).property}`);
      props.push(...events.map((event) => `on${pascal(event)}={${listener}}`));
      return `export const ${camel(tag)} = <${pascal(tag)} ${props.join(' ')}><option value="a">A</option></${pascal(tag)}>;`;
    })
    .join('\n');
  return {
    'react-tags.tsx': `/** @jsxImportSource react */
import type {} from '@delib/react/jsx';
${plainTags(all, (event) => `on${event}`)}
// @ts-expect-error -- not a results mode
export const wrongResults = <delib-poll results="sometimes" />;
// @ts-expect-error -- a count, not an object
export const wrongCount = <delib-poll max-choices={{}} />;
// @ts-expect-error -- a submit listener gets a DelibSubmitEvent, not a MouseEvent
export const wrongListener = <delib-poll ondelib-submit={(event: MouseEvent) => event.clientX} />;
`,
    'react-components.tsx': `/** @jsxImportSource react */
import { ${Object.keys(all).map(pascal).join(', ')} } from '@delib/react';
import { useRef } from 'react';
import type { DelibPoll as PollElement } from '@delib/poll';
${components}
export function WithRef() {
  const ref = useRef<PollElement>(null);
  return <DelibPoll ref={ref} widgetId="x" />;
}
// @ts-expect-error -- widgetId is a string
export const wrongId = <DelibPoll widgetId={3} />;
// @ts-expect-error -- not a results mode
export const wrongResults = <DelibRanking results="sometimes" />;
// @ts-expect-error -- onDelibSubmitted gets a DelibSubmittedEvent, whose detail has no status
export const wrongDetail = <DelibBudget onDelibSubmitted={(event) => event.detail.status} />;
`,
    'preact-tags.tsx': `/** @jsxImportSource preact */
import type {} from '@delib/react/preact';
${plainTags(all, (event) => `on${event}`)}
// @ts-expect-error -- not a results mode
export const wrongResults = <delib-pairwise results="sometimes" />;
`,
    'solid-tags.tsx': `/** @jsxImportSource solid-js */
import type {} from '@delib/react/solid';
${plainTags(all, (event) => `on:${event}`)}
// @ts-expect-error -- not a budget mode
export const wrongMode = <delib-budget mode="pie" />;
`,
    'svelte-tags.ts': `import type {} from '@delib/react/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
${widgets
  .map((tag) => {
    const props = all[tag].attributes.map(
      (attribute) => `'${attribute.name}': ${value(attribute).attribute.replace(/^\{|\}$/g, '')}`,
    );
    props.push(...all[tag].events.map((event) => `'on${event}': ${listener}`));
    return `export const ${camel(tag)}: SvelteHTMLElements['${tag}'] = { ${props.join(', ')} };`;
  })
  .join('\n')}
// @ts-expect-error -- not a results mode
export const wrongResults: SvelteHTMLElements['delib-poll'] = { results: 'sometimes' };
`,
    'vue-tags.ts': `import type {} from '@delib/react/vue';
import type { GlobalComponents } from 'vue';
type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
${widgets
  .map((tag) => {
    const props = all[tag].attributes.map(
      (attribute) => `'${attribute.name}': ${value(attribute).attribute.replace(/^\{|\}$/g, '')}`,
    );
    props.push(...all[tag].events.map((event) => `on${pascal(event)}: ${listener}`));
    return `export const ${camel(tag)}: Props<'${tag}'> = { ${props.join(', ')} };`;
  })
  .join('\n')}
// @ts-expect-error -- not a results mode
export const wrongResults: Props<'delib-poll'> = { results: 'sometimes' };
`,
  };
}

/** Compiles the files as an app would (strict, JSX per file's pragma, packages by their `types`). */
function compile(paths) {
  const program = ts.createProgram(paths, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.replace(`${scratch}/`, '')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

test('every tag, attribute and event type-checks in React 19, Preact, Solid, Vue and Svelte; wrong values do not', () => {
  const all = tags();
  assert.deepEqual(Object.keys(all).sort(), [
    'delib-budget',
    'delib-needs-assets',
    'delib-pairwise',
    'delib-poll',
    'delib-provider',
    'delib-ranking',
  ]);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const paths = Object.entries(files(all)).map(([name, text]) => {
    writeFileSync(join(scratch, name), text);
    return join(scratch, name);
  });
  assert.deepEqual(compile(paths), []);
});

test('the typings name every attribute of the manifest (JSX does not check dashed names it does not know)', () => {
  const all = tags();
  mkdirSync(scratch, { recursive: true });
  const check = (extra) => `import type { DelibTags } from '@delib/react';
${Object.entries(all)
  .map(([tag, { attributes }], index) => {
    const names = [...attributes.map((attribute) => attribute.name), ...(index === 0 ? extra : [])];
    return `type Missing${index} = Exclude<${names.map((name) => `'${name}'`).join(' | ')}, keyof DelibTags['${tag}']['attributes']>;
export const all${index}: [Missing${index}] extends [never] ? true : Missing${index} = true;`;
  })
  .join('\n')}
`;
  writeFileSync(join(scratch, 'names.ts'), check([]));
  assert.deepEqual(compile([join(scratch, 'names.ts')]), []);
  // The check itself can fail: a name the typings lack is reported.
  writeFileSync(join(scratch, 'names.ts'), check(['made-up']));
  const problems = compile([join(scratch, 'names.ts')]);
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /made-up/);
});
