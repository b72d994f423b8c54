/**
 * File sizes: every script in dist/ and dist/chunks/, raw, gzip (level 9) and brotli (quality 11), against Lit alone
 * bundled the same way (bench/fixtures/lit-alone.js → .bench/lit-alone.min.js).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildFixture, ensureDist, isMain, kbBytes, printTable, rel, root } from './lib.mjs';

export function measure(file) {
  const code = readFileSync(file);
  return {
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
      },
    }).length,
  };
}

/** Prints the size table and returns `{ lit, bundles: { 'delib-poll.min.js': { bytes, gzip, brotli }, 'chunks/…': … } }`. */
export async function run() {
  await ensureDist();
  const scripts = (folder) =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => (folder === 'dist' ? name : `chunks/${name}`));
  const names = [...scripts('dist'), ...scripts('dist/chunks')];
  if (!names.includes('delib-poll.min.js')) throw new Error('no dist/delib-poll.min.js to measure');
  const litFile = await buildFixture('lit-alone');
  const lit = measure(litFile);
  const bundles = Object.fromEntries(names.map((name) => [name, measure(join(root, 'dist', name))]));

  console.log('\n## Bundle size (gzip level 9, brotli quality 11; 1 KB = 1024 B)\n');
  const row = (label, size) => [
    label,
    kbBytes(size.bytes),
    kbBytes(size.gzip),
    kbBytes(size.brotli),
    `${(size.brotli / lit.brotli).toFixed(2)}×`,
    size === lit ? '–' : `+${kbBytes(size.brotli - lit.brotli)}`,
  ];
  printTable(
    ['bundle', 'minified', 'gzip', 'brotli', 'brotli ÷ Lit', 'brotli over Lit'],
    [row(`Lit alone (${rel(litFile)})`, lit), ...names.map((name) => row(`dist/${name}`, bundles[name]))],
  );
  return { lit, bundles };
}

if (isMain(import.meta.url)) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
