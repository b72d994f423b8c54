/**
 * The custom elements manifest (`npm run build` runs `cem analyze`): one for the whole repository, at its
 * root (Storybook's docs pages read it), and one inside each package that defines elements, written from
 * the same analysis so that a widget's manifest lists what it inherits from `@delib/core`'s base class.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const withElements = ['core', 'poll', 'ranking', 'needs-assets'];
const packageName = (folder) => JSON.parse(readFileSync(join('packages', folder, 'package.json'), 'utf8')).name;

/** `packages/<folder>/<rest>` → `{ folder, rest }`, or undefined for any other path. */
function split(path) {
  const match = /^packages\/([^/]+)\/(.+)$/.exec(path ?? '');
  return match ? { folder: match[1], rest: match[2] } : undefined;
}

/**
 * A copy of `value` as seen from inside `packages/<folder>`: its own modules' paths made relative to the
 * package, and a reference to another package's module (`{ module: 'packages/core/src/base.ts' }`) made a
 * reference to that package (`{ package: '@delib/core', module: 'src/base.ts' }`).
 */
function relocate(value, folder) {
  if (Array.isArray(value)) return value.map((item) => relocate(item, folder));
  if (!value || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, relocate(item, folder)]));
  const target = split(value.module);
  if (target) {
    copy.module = target.rest;
    if (target.folder !== folder) copy.package = packageName(target.folder);
  }
  return copy;
}

function perPackage() {
  return {
    name: 'delib-manifest-per-package',
    packageLinkPhase({ customElementsManifest }) {
      for (const folder of withElements) {
        const modules = customElementsManifest.modules
          .filter((module) => split(module.path)?.folder === folder)
          .map((module) => ({ ...relocate(module, folder), path: split(module.path).rest }));
        mkdirSync(join('packages', folder), { recursive: true });
        writeFileSync(
          join('packages', folder, 'custom-elements.json'),
          `${JSON.stringify({ ...customElementsManifest, modules }, null, 2)}\n`,
        );
      }
    },
  };
}

export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [perPackage()],
};
