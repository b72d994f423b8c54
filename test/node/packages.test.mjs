/**
 * The packages as npm would publish them (`npm pack --dry-run`, after `npm run build`): each carries its
 * licence, README, changelog, built code with its types, and (for the element packages) its custom
 * elements manifest; no tests, no build caches; a source map only beside the source it maps to. Each
 * says where it lives and how it is published, and nothing it depends on at run time refuses Node 20.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const folders = readdirSync(join(root, 'packages')).filter((folder) =>
  existsSync(join(root, 'packages', folder, 'package.json')),
);
const manifests = Object.fromEntries(folders.map((folder) => [folder, readJson(join(root, 'packages', folder, 'package.json'))]));
const published = folders.filter((folder) => !manifests[folder].private);
const licence = readFileSync(join(root, 'LICENSE'), 'utf8');

/** What `npm pack` would put in each published package: `{ folder: Set of paths }`. */
const packed = (() => {
  const output = execFileSync(
    'npm',
    ['pack', '--dry-run', '--json', '--ignore-scripts', ...published.flatMap((folder) => ['--workspace', `packages/${folder}`])],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const byName = Object.fromEntries(JSON.parse(output).map((pack) => [pack.name, new Set(pack.files.map((file) => file.path))]));
  return Object.fromEntries(published.map((folder) => [folder, byName[manifests[folder].name]]));
})();

/** Every file path an `exports` map, `main`, `types` or `bin` names (wildcards left out). */
function entryFiles(manifest) {
  const found = [];
  const walk = (value) => {
    if (typeof value === 'string') found.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  for (const key of ['main', 'types']) if (manifest[key]) found.push(manifest[key]);
  return [...new Set(found.filter((path) => !path.includes('*')).map((path) => normalize(path)))];
}

test('the packages that publish are the seven the design names, and the console stays private', () => {
  assert.deepEqual(published.map((folder) => manifests[folder].name).sort(), [
    '@delib/core',
    '@delib/needs-assets',
    '@delib/poll',
    '@delib/protocol',
    '@delib/ranking',
    '@delib/react',
    '@delib/server',
  ]);
  assert.equal(manifests.console.private, true);
});

for (const folder of published) {
  const manifest = manifests[folder];
  const files = packed[folder];

  test(`${manifest.name}: says where it lives, how it publishes, and which Node it needs`, () => {
    assert.equal(manifest.license, 'MIT');
    assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    assert.equal(manifest.repository.directory, `packages/${folder}`);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    assert.match(manifest.bugs?.url ?? '', /\/issues$/);
    assert.equal(manifest.publishConfig?.access, 'public');
    assert.equal(manifest.engines?.node, '>=20');
    assert.equal(manifest.type, 'module');
    // Packages are versioned together (.changeset/config.json "fixed"), and depend on each other's exact version.
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (name.startsWith('@delib/')) assert.equal(range, manifest.version, `${name} is asked for at ${manifest.version}`);
    }
    assert.equal(readFileSync(join(root, 'packages', folder, 'LICENSE'), 'utf8'), licence, 'the same licence as the repository');
  });

  test(`${manifest.name}: npm pack holds its licence, README, changelog, entries and types, and nothing else`, () => {
    assert.ok(files, `npm pack listed ${manifest.name}`);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', ...entryFiles(manifest)]) {
      assert.ok(files.has(needed), `${needed} is in the package`);
    }
    if (manifest.customElements) {
      assert.ok(files.has(manifest.customElements), 'its custom elements manifest is in the package');
    }
    const unwanted = [...files].filter((path) =>
      /(^|\/)(test|tests|__tests__|stories|coverage|node_modules)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$|tsbuildinfo$|(^|\/)\.[^/]+$/.test(
        path,
      ),
    );
    assert.deepEqual(unwanted, [], 'no tests, stories, build caches or dotfiles');
    for (const path of files) {
      if (!path.endsWith('.map')) continue;
      // A map is shipped only with the file it maps and the source it points at (src/ is published for it).
      assert.ok(files.has(path.slice(0, -'.map'.length)), `${path} maps a file in the package`);
      const map = readJson(join(root, 'packages', folder, path));
      for (const source of map.sources) {
        const target = normalize(join(dirname(path), source));
        assert.ok(files.has(target), `${path} points at ${target}, which is in the package`);
      }
    }
  });
}

test('each element package ships a manifest of its own elements, with what they inherit from @delib/core', () => {
  const tags = {};
  for (const folder of published.filter((folder) => manifests[folder].customElements)) {
    const manifest = readJson(join(root, 'packages', folder, manifests[folder].customElements));
    for (const module of manifest.modules) {
      assert.ok(existsSync(join(root, 'packages', folder, module.path)), `${folder}: ${module.path} is the package's own`);
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName) tags[declaration.tagName] = { folder, declaration };
      }
    }
  }
  assert.deepEqual(Object.keys(tags).sort(), [
    'delib-budget',
    'delib-needs-assets',
    'delib-pairwise',
    'delib-poll',
    'delib-provider',
    'delib-ranking',
  ]);
  for (const [tag, { folder, declaration }] of Object.entries(tags)) {
    if (folder === 'core') continue;
    const widgetId = declaration.attributes.find((attribute) => attribute.name === 'widget-id');
    assert.deepEqual(widgetId?.inheritedFrom, { name: 'DelibElement', module: 'src/base.ts', package: '@delib/core' }, tag);
    assert.ok(
      declaration.events.some((event) => event.name === 'delib-submitted'),
      `${tag} lists delib-submitted`,
    );
    assert.ok(declaration.cssParts.length > 0 && declaration.cssProperties.length > 0, `${tag} lists its parts and tokens`);
  }
});

test('nothing a published package needs at run time refuses Node 20', () => {
  const refusing = [];
  const seen = new Set();
  const visit = (directory, trail) => {
    const manifest = readJson(join(directory, 'package.json'));
    const key = `${manifest.name}@${manifest.version}`;
    if (seen.has(key)) return;
    seen.add(key);
    const engines = manifest.engines?.node;
    if (engines && !semver.intersects(engines, '^20.0.0')) refusing.push(`${[...trail, key].join(' → ')} wants node ${engines}`);
    const require = createRequire(join(directory, 'package.json'));
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      let resolved;
      try {
        resolved = require.resolve(`${name}/package.json`);
      } catch {
        // An optional peer, or a package whose exports hide package.json: find its folder by walking up.
        const paths = require.resolve.paths(name) ?? [];
        resolved = paths.map((path) => join(path, name, 'package.json')).find(existsSync);
      }
      if (resolved) visit(dirname(resolved), [...trail, key]);
    }
  };
  for (const folder of published) visit(join(root, 'packages', folder), []);
  assert.ok(seen.size > 30, `walked ${seen.size} packages`);
  assert.deepEqual(refusing, []);
});
