/**
 * What the benchmarks share: the repository root, making sure `dist/` is fresh, building the
 * Lit-only fixtures through the very pipeline of the script-tag bundles, and formatting.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Scratch output, git-ignored. */
export const scratch = join(root, '.bench');

// rollup.config.js resolves its paths against the working directory, as `rollup -c` does.
process.chdir(root);

/** True when this module is the script node was started with (run standalone, not imported). */
export const isMain = (url) => process.argv[1] && pathToFileURL(process.argv[1]).href === url;

let configs;
/** The configurations of rollup.config.js, imported once (it builds nothing when imported). */
export async function rollupConfigs() {
  configs ??= (await import(pathToFileURL(join(root, 'rollup.config.js')).href)).default;
  if (!Array.isArray(configs)) throw new Error('rollup.config.js no longer exports an array of configurations');
  return configs;
}

/** The configuration whose pipeline the fixtures mirror: the one-file build, `dist/delib.all.min.js`. */
export async function referenceConfig() {
  const reference = (await rollupConfigs()).find((config) => config.output?.file === 'dist/delib.all.min.js');
  if (!reference) throw new Error('rollup.config.js has no dist/delib.all.min.js configuration to mirror');
  return reference;
}

/** The script-tag files the build writes in `dist/` (entries, not chunks): one per output file, or per input of a split build. */
async function scriptFiles() {
  return (await rollupConfigs()).flatMap((config) => {
    if (/^dist\/[^/]+\.js$/.test(config.output?.file ?? '')) return [config.output.file];
    // A split build's named inputs; those under chunks/ (and an unnamed input, as the outbox's) carry a hash.
    if (config.output?.dir === 'dist' && typeof config.input === 'object')
      return Object.keys(config.input)
        .filter((name) => !name.startsWith('chunks/'))
        .map((name) => `dist/${name}.js`);
    return [];
  });
}

function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestIn(join(path, entry)));
  }
  return newest;
}

/** The script-tag files, as rollup.config.js names them (`dist/….js`). */
async function bundleFiles() {
  const files = await scriptFiles();
  if (!files.length) throw new Error('rollup.config.js declares no dist/*.js file');
  return files;
}

/** What goes into the script-tag bundles (tests, stories and docs do not). */
function bundleInputs() {
  const packages = readdirSync(join(root, 'packages')).flatMap((name) =>
    ['src', 'themes', 'package.json', 'tsconfig.json'].map((entry) => join('packages', name, entry)),
  );
  return [...packages, 'rollup.config.js', 'build', 'tsconfig.base.json', 'tsconfig.json', 'package-lock.json'];
}

/** Why `dist/` needs building, or '' when every script-tag bundle is newer than its inputs. */
async function staleness() {
  const bundles = await bundleFiles();
  const missing = bundles.filter((file) => !existsSync(join(root, file)));
  if (missing.length) return `missing ${missing.join(', ')}`;
  const oldest = Math.min(...bundles.map((file) => statSync(join(root, file)).mtimeMs));
  const changed = bundleInputs().filter((input) => newestIn(join(root, input)) > oldest);
  return changed.length ? `older than ${changed.join(', ')}` : '';
}

/** Runs `npm run build` when a bundle is missing or older than its inputs; throws if the build fails. */
export async function ensureDist() {
  const reason = await staleness();
  if (!reason) return false;
  console.log(`dist/ is ${reason}: running npm run build …`);
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', timeout: 10 * 60_000 });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.error?.message ?? `exit ${result.status}`})`);
  // A source saved during the build may leave dist/ older than it again: that is not a failure,
  // but a bundle the build did not write is.
  const unwritten = (await bundleFiles()).filter(
    (file) => !existsSync(join(root, file)) || statSync(join(root, file)).mtimeMs < started - 2000,
  );
  if (unwritten.length) throw new Error(`npm run build did not write ${unwritten.join(', ')}`);
  return true;
}

/**
 * Bundles `bench/fixtures/<name>.js` to `.bench/<name>.min.js` exactly as rollup.config.js bundles
 * `dist/delib.all.min.js`: the same plugins (node-resolve with the same export conditions, esbuild,
 * terser with the same options, the template minifier) and the same output options, only another
 * input and output file. Returns the output path.
 */
export async function buildFixture(name) {
  const { rollup } = await import('rollup');
  const reference = await referenceConfig();
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, `${name}.min.js`);
  const warnings = [];
  const bundle = await rollup({
    input: join(root, 'bench', 'fixtures', `${name}.js`),
    plugins: reference.plugins,
    onwarn: (warning) => warnings.push(warning),
  });
  try {
    await bundle.write({ ...reference.output, file });
  } finally {
    await bundle.close();
  }
  // Let the reference config decide which warnings matter, as it does for the real bundles.
  const warn = (warning) => console.warn(`rollup: ${warning.message ?? warning}`);
  for (const warning of warnings) (reference.onwarn ?? ((w, fallback) => fallback(w)))(warning, warn);
  return file;
}

export const rel = (path) => relative(root, path);

/** 1 KB = 1024 bytes, one decimal. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const kbBytes = (bytes) => `${kb(bytes)} (${bytes} B)`;

/** Prints rows (arrays of cells) as a table; numeric-looking columns are right-aligned. */
export function printTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const right = header.map((_, i) => i > 0 && rows.every((row) => /^[-+~×\d.≈–]/.test(String(row[i]))));
  const line = (row) =>
    row
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(all[0]));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of all.slice(1)) console.log(line(row));
}
