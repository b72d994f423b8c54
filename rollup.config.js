import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import { transform } from 'esbuild';
import { zipSync } from 'fflate';
// Collapses the white space in the text of our Lit templates: see build/minify-templates.mjs.
import { templates } from './build/minify-templates.mjs';

/**
 * Two kinds of output:
 * - script-tag bundles in `dist/`: one ES module per widget and one with every element, Lit inside,
 *   minified, for `<script type="module" src=…>`;
 * - per-package ES modules in `packages/<name>/dist/` (declarations come from `tsc -b`), with Lit
 *   and the other delib packages left external, for people who bundle delib themselves.
 */

const widgets = {
  poll: 'packages/poll/src/define.ts',
  ranking: 'packages/ranking/src/define-ranking.ts',
  pairwise: 'packages/ranking/src/define-pairwise.ts',
  budget: 'packages/ranking/src/define-budget.ts',
  'needs-assets': 'packages/needs-assets/src/define.ts',
};

// Resolve the workspace packages to their TypeScript sources, and Lit to its production build.
const resolve = () => nodeResolve({ exportConditions: ['source', 'browser', 'production'], extensions: ['.ts', '.js'] });
const compile = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', minify: false });
const minify = () =>
  terser({
    module: true,
    ecma: 2022,
    compress: { passes: 3, unsafe_arrows: true },
    format: { comments: false },
  });

/** `virtual:all` imports every element's define module: the all-in-one bundle's entry. */
const all = () => ({
  name: 'delib-all',
  resolveId: (id) => (id === 'virtual:all' ? id : null),
  load: (id) =>
    id === 'virtual:all'
      ? ['packages/core/src/define.ts', ...Object.values(widgets)]
          .map((file) => `import ${JSON.stringify(`${process.cwd()}/${file}`)};`)
          .join('\n')
      : null,
});

/**
 * The plain-CSS themes, each followed by the rules every theme shares (`partials/upgrade.css`), so a
 * page includes one self-contained file. Emitted next to the bundles and into `@delib/core`'s dist.
 */
const themeFiles = () => {
  const folder = 'packages/core/themes';
  const shared = readFileSync(`${folder}/partials/upgrade.css`, 'utf8');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.css'))
    .map((file) => ({ file, source: `${readFileSync(`${folder}/${file}`, 'utf8')}\n${shared}` }));
};
const themes = () => ({
  name: 'delib-themes',
  generateBundle() {
    for (const { file, source } of themeFiles()) this.emitFile({ type: 'asset', fileName: `themes/${file}`, source });
  },
});

/**
 * Writes `.br` and `.gz` beside each bundle, which the server sends to browsers that accept them:
 * compressed once at build time, at the highest settings, instead of on every request.
 */
const precompress = () => ({
  name: 'delib-precompress',
  async writeBundle(options, bundle) {
    const directory = options.dir ?? dirname(options.file);
    for (const file of Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name))) {
      const source = readFileSync(join(directory, file));
      writeFileSync(join(directory, `${file}.br`), brotliCompressSync(source, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(join(directory, `${file}.gz`), gzipSync(source, { level: 9 }));
    }
  },
});

const onwarn = (warning, warn) => {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
};

/**
 * Gives each widget's language pack (`*.pack.cy.ts`, `*.pack.gd.ts`) its own copy of the modules it
 * imports (the common messages of that language, and the ranking's and budget's points), rather than
 * chunks the packs share: a Welsh page then fetches one pack file, not two or three, and never waits for
 * one to ask for another (measured: 1,137 B rather than 1,289 B for the poll's, 2,406 B rather than
 * 2,716 B for needs-and-assets'). A page with two kinds of widget in Welsh fetches the common messages
 * twice, about 0.7 KB.
 */
const packCopies = () => ({
  name: 'delib-pack-copies',
  resolveId(source, importer) {
    if (!importer || !/\.pack\.(cy|gd)\.ts$/.test(importer)) return null;
    const core = /^@delib\/core\/(.+)\.js$/.exec(source);
    const file = core
      ? join(process.cwd(), 'packages/core/src', `${core[1]}.ts`)
      : join(dirname(importer), source.replace(/\.js$/, '.ts'));
    return `\0delib-pack-copy:${file}\0${importer}`;
  },
  async load(id) {
    if (!id.startsWith('\0delib-pack-copy:')) return null;
    const file = id.slice('\0delib-pack-copy:'.length).split('\0')[0];
    return (await transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' })).code;
  },
});

/** Each tag, and the entry (in `scripts` below) whose files define it. */
const tagEntries = {
  'delib-provider': 'chunks/provider',
  ...Object.fromEntries(Object.keys(widgets).map((name) => [`delib-${name}`, `delib-${name}.min`])),
};
const packLanguages = ['cy', 'gd'];

/**
 * The loader's table (see packages/core/src/loader-table.ts), made from the chunks the script-tag build
 * wrote: for each tag, its entry and every chunk that entry imports, however deep (so the loader asks
 * for all of them at once rather than discovering them one level at a time), and per language the
 * widgets' packs those chunks import on demand (chunks named after a `*.pack.cy.ts` or `*.pack.gd.ts`
 * module; the `common` catalogue's own packs are for `preloadLanguage`, not for widgets).
 */
let loaderTable;
const tableOfChunks = () => ({
  name: 'delib-loader-table',
  generateBundle(_options, bundle) {
    const chunks = new Map(
      Object.values(bundle)
        .filter((item) => item.type === 'chunk')
        .map((chunk) => [chunk.fileName, chunk]),
    );
    const files = [];
    const index = (file) => (files.includes(file) ? files.indexOf(file) : files.push(file) - 1);
    const closure = (file, seen = new Set()) => {
      if (!seen.has(file)) {
        seen.add(file);
        for (const imported of chunks.get(file).imports) closure(imported, seen);
      }
      return seen;
    };
    const entry = (name) => {
      const chunk = [...chunks.values()].find((item) => item.isEntry && item.name === name);
      if (!chunk) throw new Error(`the script-tag build made no entry ${name}`);
      return [...closure(chunk.fileName)];
    };
    const tags = {};
    for (const [tag, name] of Object.entries(tagEntries)) {
      const code = entry(name);
      tags[tag] = { '': code.map(index) };
      for (const lang of packLanguages) {
        const packs = new Set();
        for (const file of code) {
          for (const dynamic of chunks.get(file).dynamicImports) {
            if (chunks.get(dynamic)?.name.endsWith(`.pack.${lang}`)) closure(dynamic, packs);
          }
        }
        if (packs.size) tags[tag][lang] = [...packs].map(index);
      }
    }
    if (!deliverFile) throw new Error('chunks/deliver-*.js is built before the script-tag files: not yet');
    loaderTable = { files, tags, deliver: [index(deliverFile)] };
  },
});

/** Replaces the loader's empty table with the one the script-tag build made. */
const withTable = () => ({
  name: 'delib-loader-table-module',
  load(id) {
    if (!id.endsWith('/packages/core/src/loader-table.ts')) return null;
    if (!loaderTable) throw new Error('the loader is built after the script-tag files: no table yet');
    return Object.entries(loaderTable)
      .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
      .join('\n');
  },
});

/**
 * The per-widget script-tag files, built together so that they share chunks (`dist/chunks/`): Lit,
 * core and each language pack once, whichever of them a page includes, and the loader fetches the same
 * chunks. `delib-<widget>.min.js` is one widget and the provider; English is inside, Welsh and Gaelic
 * packs are imported from beside them when an element needs one. `chunks/provider.js` and `chunks/deliver.js`
 * (the outbox alone) are entries for the loader.
 */
const scripts = {
  input: {
    ...Object.fromEntries(Object.entries(widgets).map(([name, input]) => [`delib-${name}.min`, input])),
    'chunks/provider': 'packages/core/src/define.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    // The widgets' files keep their names; the loader's entries in chunks/ get a hash, as every chunk
    // does, so that a copy of dist/ may be cached for long there.
    entryFileNames: (chunk) => (chunk.name.startsWith('chunks/') ? '[name]-[hash].js' : '[name].js'),
    chunkFileNames: 'chunks/[name]-[hash].js',
    // What every widget needs, Lit and core, in one file rather than the several rollup would make by
    // itself: each file a page fetches costs bytes (and a request) of its own.
    // What a plain form held is read by a file of its own, fetched only when a form held something.
    manualChunks: (id) =>
      coreModule(id) ? 'core' : /\/(core\/src\/carry-over|protocol\/src\/form)\.ts$/.test(id) ? 'carry-over' : undefined,
  },
  plugins: [all(), themes(), packCopies(), resolve(), templates(), compile(), minify(), precompress(), tableOfChunks()],
  onwarn,
};

/**
 * Lit's own modules, @lit/context, and core and protocol (but not what is loaded later: language packs,
 * the outcome view, what a plain form held and the reader for it; nor the loader's own).
 */
const coreModule = (id) =>
  /node_modules\/(@lit\/reactive-element|lit-html\/lit-html|lit-element|@lit\/context)\//.test(id) ||
  (/packages\/(core|protocol)\/src\//.test(id) &&
    !/\.(cy|gd)\.ts$|\/(loader|loader-table|deliver|outcome|carry-over|form)\.ts$/.test(id));

/**
 * `dist/chunks/deliver-*.js`: the outbox alone, for the loader on a page with no widget whose browser holds
 * a response an earlier page could not send. Self-contained, so that such a page never loads Lit; a
 * widget added later shares the same outbox (one per page, whichever file made it).
 */
let deliverFile;
const deliver = {
  input: 'packages/core/src/deliver.ts',
  output: { dir: 'dist', entryFileNames: 'chunks/deliver-[hash].js', format: 'es', sourcemap: true },
  plugins: [
    resolve(),
    compile(),
    minify(),
    precompress(),
    {
      name: 'delib-deliver-file',
      generateBundle: (_options, bundle) => void (deliverFile = Object.keys(bundle).find((file) => file.endsWith('.js'))),
    },
  ],
  onwarn,
};

/** `dist/delib.js`, the loader, with the table of the files above. */
const loader = {
  input: 'packages/core/src/loader.ts',
  output: { file: 'dist/delib.js', format: 'es', sourcemap: true },
  plugins: [withTable(), resolve(), compile(), minify(), precompress()],
  onwarn,
};

/**
 * Puts the outcome view inside `delib.min.js` rather than in a chunk of its own: such a chunk would import
 * the entry back by its bare name, and a page that adds a query to the file's address (WordPress's
 * `?ver=`) would then fetch and run the whole file a second time. (The per-widget files' chunks import
 * the core chunk, never an entry.)
 */
const outcomeInside = () => ({
  name: 'delib-outcome-inside',
  transform(code, id) {
    if (!id.endsWith('/packages/core/src/base.ts')) return null;
    const dynamic = "import('./outcome.js')";
    const at = code.indexOf(dynamic);
    if (at < 0) this.error('base.ts no longer imports ./outcome.js on demand: see outcomeInside in rollup.config.js');
    const output = new MagicString(code);
    output.overwrite(at, at + dynamic.length, 'Promise.resolve(outcomeInside)');
    output.prepend("import * as outcomeInside from './outcome.js';\n");
    return { code: output.toString(), map: output.generateMap({ hires: true, source: id }) };
  },
});

/**
 * `dist/delib.min.js`: every element in one file, English inside, the language packs imported from
 * `chunks/` beside it (the same files the build above writes). One file rather than a dozen of the
 * chunks above: each file is compressed on its own, and together they would weigh 6 KB more.
 */
const allElements = {
  input: { 'delib.min': 'virtual:all' },
  output: { dir: 'dist', format: 'es', sourcemap: true, entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  plugins: [all(), packCopies(), outcomeInside(), resolve(), templates(), compile(), minify(), precompress()],
  onwarn,
};

/** `dist/delib.all.min.js`: every element and every language in one file, for Subresource Integrity. */
const everything = {
  input: 'virtual:all',
  output: { file: 'dist/delib.all.min.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
  plugins: [all(), resolve(), templates(), compile(), minify(), precompress()],
  onwarn,
};

const packages = ['protocol', 'core', 'poll', 'ranking', 'needs-assets', 'react', 'server'];
// Everything that is not the package's own file stays an import: Lit, other delib packages, Node's
// built-ins and the server's dependencies.
const external = (id) => !/^[./]/.test(id) && !/^[A-Za-z]:/.test(id);
const library = (name) => ({
  input: Object.fromEntries(
    readdirSync(`packages/${name}/src`)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !/^(loader|loader-table|deliver)\.ts$/.test(file))
      .map((file) => [file.replace(/\.ts$/, ''), `packages/${name}/src/${file}`]),
  ),
  external,
  output: {
    dir: `packages/${name}/dist`,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: `packages/${name}/src`,
    sourcemap: true,
  },
  plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), compile(), ...(name === 'core' ? [themes()] : [])],
});

/**
 * The council's console (`packages/console`): one minified module with Lit inside, and its page and
 * stylesheet copied beside it, into `packages/console/dist/admin/`, which the server serves at `/admin/`.
 */
const consolePage = () => ({
  name: 'delib-console-page',
  generateBundle() {
    for (const file of readdirSync('packages/console/public')) {
      this.emitFile({ type: 'asset', fileName: file, source: readFileSync(`packages/console/public/${file}`) });
    }
  },
});
const consoleApp = {
  input: 'packages/console/src/main.ts',
  output: { file: 'packages/console/dist/admin/console.min.js', format: 'es', sourcemap: true },
  plugins: [consolePage(), resolve(), templates(), compile(), minify(), precompress()],
  onwarn,
};

/** Every file under `folder`, as paths relative to it. */
const filesUnder = (folder, prefix = '') =>
  readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(folder, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );

/**
 * The WordPress plugin (`packages/wordpress`): its PHP, readme and block.json files, the editor script
 * built from TypeScript, and the script-tag files the loader fetches (`widgets/`: the loader, the
 * per-widget files, their chunks and the themes; no maps, no precompressed copies), in
 * `packages/wordpress/dist/delib/`, zipped as `packages/wordpress/dist/delib.zip` for WordPress's
 * Plugins → Add New → Upload. Built last, from the files the configurations above wrote to `dist/`.
 */
const wordpressPlugin = () => ({
  name: 'delib-wordpress-plugin',
  buildStart() {
    rmSync('packages/wordpress/dist', { recursive: true, force: true });
  },
  generateBundle() {
    const copy = (from, to) => this.emitFile({ type: 'asset', fileName: to, source: readFileSync(from) });
    for (const file of filesUnder('packages/wordpress/plugin')) copy(join('packages/wordpress/plugin', file), file);
    copy('LICENSE', 'LICENSE');
    const wanted = (file) =>
      /^(delib\.js|delib-[a-z-]+\.min\.js|chunks\/[\w.-]+\.js|themes\/[\w-]+\.css)$/.test(file.split('\\').join('/'));
    const widgets = filesUnder('dist').filter(wanted);
    if (!widgets.includes('delib.js')) this.error('dist/delib.js is missing: the script-tag files are built before the plugin');
    for (const file of widgets) copy(join('dist', file), join('widgets', file));
  },
  writeBundle() {
    const folder = 'packages/wordpress/dist/delib';
    const entries = Object.fromEntries(
      filesUnder(folder).map((file) => [
        `delib/${file.split('\\').join('/')}`,
        [readFileSync(join(folder, file)), { mtime: new Date('2026-01-01') }],
      ]),
    );
    writeFileSync('packages/wordpress/dist/delib.zip', zipSync(entries, { level: 9 }));
  },
});
const wordpress = {
  input: 'packages/wordpress/src/editor.ts',
  output: { dir: 'packages/wordpress/dist/delib', entryFileNames: 'build/editor.js', format: 'iife' },
  plugins: [resolve(), compile(), minify(), wordpressPlugin()],
  onwarn,
};

export default [consoleApp, deliver, scripts, allElements, loader, everything, ...packages.map(library), wordpress];
