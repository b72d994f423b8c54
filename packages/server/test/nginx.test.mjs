/**
 * Self-hosting as the README's "Behind nginx" shows it, with its very files (deploy/): Debian's nginx runs
 * deploy/nginx.conf in front of the server, which runs with the settings of deploy/delib.env, and residents
 * connect from addresses of their own (127.0.0.2, 127.0.0.3…: all loopback on Linux) over HTTPS (a
 * self-signed certificate made with openssl). Bundles come compressed and revalidated, hashed chunks are
 * kept a year, responses are stored, the rate limit counts each resident's address and no forged
 * X-Forwarded-For moves it, the console knows it is on HTTPS, and while the server is down the API answers
 * the contract's 503. `systemd-analyze verify` accepts deploy/delib.service, and the README holds all three
 * files as they are.
 *
 * Only what must differ on a test machine is rewritten, each by one visible substitution (`swap` below):
 * the listening ports (a free port of 127.0.0.1 each, without the IPv6 lines), the certificate's folder
 * and the server's port; in delib.env, PORT, DATABASE_URL and a rate limit of 3 (plus a first admin
 * and a quieter log). Needs a build (`npm run build`) for the bundles and the console; not PostgreSQL.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { freePort, sleep, stopChild } from '../../../test/processes.mjs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const packageFolder = join(here, '..');
const repository = join(packageFolder, '..', '..');
const deployed = (name) => readFileSync(join(packageFolder, 'deploy', name), 'utf8');

/** A program on PATH, or in the sbin folders that a user's PATH leaves out (Debian's nginx is /usr/sbin/nginx). */
function program(name) {
  const folders = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/sbin'];
  return folders.map((folder) => join(folder, name)).find((path) => existsSync(path));
}

const nginx = program('nginx');
const openssl = program('openssl');
const systemdAnalyze = program('systemd-analyze');
const absent = (...wanted) => {
  const names = wanted.filter(([path]) => !path).map(([, name]) => name);
  return names.length ? `not installed: ${names.join(', ')} (.ci/run installs them)` : undefined;
};
const nginxMissing = absent([nginx, 'nginx'], [openssl, 'openssl']);
const systemdMissing = absent([systemdAnalyze, 'systemd-analyze (Debian: systemd)']);
// Skipped, with the reason, on a machine without them; under CI (.ci/run sets CI and installs them) a
// missing one is a failure.
const skipWithout = (missing) => (process.env.CI ? false : missing);

/** Replaces `from` in `text`, which must hold it exactly `times` times: a change to the documented file fails loudly here. */
function swap(text, from, to, times = 1) {
  const found = text.split(from).length - 1;
  assert.equal(found, times, `the documented file holds "${from}" ${times} time(s), not ${found}`);
  return text.split(from).join(to);
}

/** systemd's EnvironmentFile: `NAME=value` lines, `#` comments. */
function environmentFile(text) {
  const settings = {};
  for (const line of text.split('\n').map((each) => each.trim())) {
    if (!line || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    assert.ok(equals > 0 && !/["']/.test(line), `delib.env: "${line}" is NAME=value, unquoted`);
    settings[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return settings;
}

async function waitFor(check, what, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} within ${ms / 1000} s`);
    await sleep(100);
  }
}

const site = 'consult.example.gov.uk';
const certificateFolder = `/etc/letsencrypt/live/${site}/`;
// Residents, each from an address of its own; nginx listens on 127.0.0.1 and reaches the server from it.
const residentA = '127.0.0.2';
const residentB = '127.0.0.3';
const residentC = '127.0.0.4';
const admin = { email: 'web.team@council.example', password: 'a passphrase long enough' };
const hsts = 'max-age=31536000';

const envelope = (overrides = {}) => ({
  id: randomUUID(),
  widget: 'poll',
  widgetId: `nginx-${randomUUID()}`,
  submittedAt: '2026-11-29T17:00:00.000Z',
  locale: 'en',
  page: 'https://www.council.example/parks',
  answer: { choices: ['lighting'] },
  ...overrides,
});

describe('behind nginx, as the README sets it up', { skip: skipWithout(nginxMissing) }, () => {
  let folder;
  let certificate;
  const ports = {};
  let server;
  let serverLog = '';
  let proxy;
  let proxyLog = '';
  let syntaxCheck;

  // Never leave a server or an nginx behind, even when the run ends early.
  const killAll = () => {
    try {
      if (proxy?.exitCode === null) process.kill(-proxy.pid, 'SIGKILL');
    } catch {
      // gone already
    }
    try {
      if (server?.exitCode === null) server.kill('SIGKILL');
    } catch {
      // gone already
    }
  };

  /** One request on a connection of its own, from `from` (a resident's address), through nginx over HTTPS (or `tls: false`, plain HTTP). */
  function call(path, { method = 'GET', headers = {}, body, from = residentA, tls = true } = {}) {
    return new Promise((resolve, reject) => {
      const options = {
        host: '127.0.0.1',
        port: tls ? ports.https : ports.http,
        path,
        method,
        localAddress: from,
        agent: false,
        headers: { host: site, ...headers, ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }) },
        timeout: 10_000,
        ...(tls ? { ca: certificate, servername: site } : {}),
      };
      const request = (tls ? httpsRequest : httpRequest)(options, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      request.on('timeout', () => request.destroy(new Error(`${method} ${path}: no answer within 10 s`)));
      request.on('error', reject);
      request.end(body);
    });
  }

  const post = (body, { from, headers = {} } = {}) =>
    call('/api/responses', {
      method: 'POST',
      from,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const json = (response) => JSON.parse(response.body.toString('utf8'));
  /** For a failure's message: what the server and nginx said. */
  const logs = () => {
    const errors = folder && existsSync(join(folder, 'error.log')) ? readFileSync(join(folder, 'error.log'), 'utf8') : '';
    return `\n--- server ---\n${serverLog}\n--- nginx ---\n${proxyLog}${errors}`;
  };

  before(
    async () => {
      if (nginxMissing) throw new Error(nginxMissing); // only under CI: elsewhere the tests are skipped
      for (const file of ['dist/delib-poll.min.js', 'dist/delib-poll.min.js.br', 'packages/console/dist/admin/index.html']) {
        if (!existsSync(join(repository, file))) throw new Error(`Build first (npm run build): ${file} is missing`);
      }
      process.once('exit', killAll);
      folder = mkdtempSync(join(tmpdir(), 'delib-nginx-'));
      // As root, nginx's workers run as www-data and must reach the temporary folders nginx makes in here.
      chmodSync(folder, 0o711);
      while (new Set(Object.values(ports)).size < 3)
        Object.assign(ports, { server: await freePort(), https: await freePort(), http: await freePort() });

      // The certificate certbot would have made, self-signed for the site's name.
      const made = spawnSync(
        openssl,
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2']
          .concat(['-subj', `/CN=${site}`, '-addext', `subjectAltName=DNS:${site}`])
          .concat(['-keyout', join(folder, 'privkey.pem'), '-out', join(folder, 'fullchain.pem')]),
        { encoding: 'utf8', timeout: 30_000 },
      );
      assert.equal(made.status, 0, `openssl made no certificate: ${made.stderr}`);
      certificate = readFileSync(join(folder, 'fullchain.pem'));

      // The server, as delib.service starts it (in the repository's folder), with /etc/delib/env's settings.
      const settings = environmentFile(deployed('delib.env'));
      assert.equal(settings.DELIB_TRUST_PROXY, '127.0.0.1', 'delib.env trusts nginx, on this machine');
      const conf = deployed('nginx.conf');
      assert.ok(conf.includes(`server ${settings.HOST}:${settings.PORT};`), 'nginx.conf sends to where delib.env listens');
      server = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'main.mjs')], {
        cwd: repository,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...settings,
          PORT: String(ports.server),
          DATABASE_URL: `file:${join(folder, 'delib.sqlite')}`,
          DELIB_RATE_LIMIT: '3',
          DELIB_ADMIN_EMAIL: admin.email,
          DELIB_ADMIN_PASSWORD: admin.password,
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      server.stdout.on('data', (chunk) => (serverLog += chunk));
      server.stderr.on('data', (chunk) => (serverLog += chunk));

      // nginx.conf, with only the ports and the certificate's folder changed.
      let rewritten = conf;
      rewritten = swap(rewritten, 'listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`);
      rewritten = swap(rewritten, 'listen [::]:443 ssl http2;', '');
      rewritten = swap(rewritten, 'listen 80;', `listen 127.0.0.1:${ports.http};`);
      rewritten = swap(rewritten, 'listen [::]:80;', '');
      rewritten = swap(rewritten, certificateFolder, `${folder}/`, 2);
      rewritten = swap(rewritten, `server ${settings.HOST}:${settings.PORT};`, `server ${settings.HOST}:${ports.server};`);
      writeFileSync(join(folder, 'delib.conf'), rewritten);
      // What Debian's /etc/nginx/nginx.conf gives it, within this folder: logs, temporary files, the http block.
      const temporary = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `    ${kind}_temp_path ${join(folder, `${kind}-temp`)};`,
      );
      writeFileSync(
        join(folder, 'nginx.conf'),
        [
          ...(process.getuid?.() === 0 ? ['user www-data;'] : []),
          'worker_processes 1;',
          `error_log ${join(folder, 'error.log')} warn;`,
          'events { worker_connections 256; }',
          'http {',
          `    access_log ${join(folder, 'access.log')};`,
          ...temporary,
          `    include ${join(folder, 'delib.conf')};`,
          '}',
          '',
        ].join('\n'),
      );
      const args = ['-p', `${folder}/`, '-c', join(folder, 'nginx.conf'), '-g', `daemon off; pid ${join(folder, 'nginx.pid')};`];
      syntaxCheck = spawnSync(nginx, ['-t', ...args], { encoding: 'utf8', timeout: 30_000 });
      if (syntaxCheck.status !== 0) throw new Error(`nginx -t refused the configuration:\n${syntaxCheck.stderr}`);

      await waitFor(
        async () => {
          if (server.exitCode !== null) throw new Error(`the server stopped: ${serverLog}`);
          return (await fetch(`http://127.0.0.1:${ports.server}/api/health`)).ok;
        },
        'the server did not start',
        60_000,
      );
      // Its own process group, so that stopping it stops its workers too.
      proxy = spawn(nginx, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      proxy.stdout.on('data', (chunk) => (proxyLog += chunk));
      proxy.stderr.on('data', (chunk) => (proxyLog += chunk));
      await waitFor(
        async () => {
          if (proxy.exitCode !== null) throw new Error(`nginx stopped: ${proxyLog}`);
          return (await call('/api/health')).status === 200;
        },
        'nginx did not answer',
        15_000,
      );
    },
    { timeout: 120_000 },
  );

  after(
    async () => {
      if (proxy) await stopChild(proxy);
      if (server) await stopChild(server);
      process.off('exit', killAll);
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
    { timeout: 30_000 },
  );

  const budget = { timeout: 30_000 };

  test('nginx -t accepts the documented configuration, without a warning', budget, () => {
    const output = `${syntaxCheck.stdout}${syntaxCheck.stderr}`;
    assert.equal(syntaxCheck.status, 0, output);
    assert.match(output, /syntax is ok/);
    assert.match(output, /test is successful/);
    assert.doesNotMatch(output, /\[(warn|error|crit|alert|emerg)\]/, output);
  });

  test('plain HTTP is sent to HTTPS', budget, async () => {
    const answer = await call('/api/health?from=http', { tls: false });
    assert.equal(answer.status, 301);
    assert.equal(answer.headers.location, `https://${site}/api/health?from=http`);
  });

  test('a bundle comes compressed as the browser accepts (brotli from the build), and is revalidated', budget, async () => {
    const file = readFileSync(join(repository, 'dist', 'delib-poll.min.js'));
    const br = await call('/delib-poll.min.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.status, 200, logs());
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(br.body), file);
    assert.match(br.headers['content-type'], /javascript/);
    // One name across versions: kept, but asked about each time.
    assert.equal(br.headers['cache-control'], 'no-cache');
    assert.ok(br.headers.etag, 'an ETag to revalidate with');
    assert.match(br.headers.vary ?? '', /accept-encoding/i);
    assert.equal(br.headers['strict-transport-security'], hsts);

    const gzip = await call('/delib-poll.min.js', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzip.body), file);
    const plain = await call('/delib-poll.min.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, file);

    const again = await call('/delib-poll.min.js', { headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);

    const theme = await call('/themes/govuk.css', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(theme.status, 200);
    assert.equal(theme.headers['content-encoding'], 'gzip');
    assert.equal(theme.headers['cache-control'], 'no-cache');
  });

  test('hashed chunks are kept a year; their maps, a missing chunk and the bundles are not', budget, async () => {
    // The pattern nginx.conf gives them must fit every chunk the build writes, and no bundle.
    const pattern = /location ~ "([^"]+)"/.exec(deployed('nginx.conf'))?.[1];
    assert.ok(pattern, 'nginx.conf has a location for the chunks');
    const matches = new RegExp(pattern);
    const chunks = readdirSync(join(repository, 'dist', 'chunks')).filter((name) => name.endsWith('.js'));
    assert.ok(chunks.length > 0);
    for (const name of chunks) assert.match(`/chunks/${name}`, matches, `chunks/${name} is kept a year`);
    for (const name of readdirSync(join(repository, 'dist')).filter((each) => each.endsWith('.js'))) {
      assert.doesNotMatch(`/${name}`, matches);
    }

    const name = chunks[0];
    const chunk = await call(`/chunks/${name}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(chunk.body), readFileSync(join(repository, 'dist', 'chunks', name)));
    assert.equal(chunk.headers['strict-transport-security'], hsts, 'the chunks keep HSTS');
    assert.equal(chunk.headers['cross-origin-resource-policy'], 'cross-origin', "the server's own headers pass through");

    const map = await call(`/chunks/${name}.map`);
    assert.equal(map.status, 200);
    assert.equal(map.headers['cache-control'], 'no-cache');
    const missing = await call('/chunks/nothing-AAAAAAAA.js');
    assert.equal(missing.status, 404);
    assert.notEqual(missing.headers['cache-control'], 'public, max-age=31536000, immutable', 'a 404 is not kept');
  });

  test("responses through nginx are stored and counted, the API's answers gzipped, 413 the server's", budget, async () => {
    // Thirty long choices, so that the results are worth compressing (nginx.conf: from 1 KB).
    const choices = Array.from({ length: 30 }, (_, n) => `choice ${n} `.padEnd(60, 'x'));
    const response = envelope({ answer: { choices } });
    const created = await post(response, { from: residentC });
    assert.equal(created.status, 201, created.body.toString());
    assert.deepEqual(json(created), { id: response.id, accepted: true });
    assert.equal(created.headers['cache-control'], 'no-store');
    const repeated = await post(response, { from: residentC });
    assert.equal(repeated.status, 200, 'the same id again: stored once');

    const results = await call(`/api/results/${response.widgetId}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(results.status, 200);
    assert.equal(results.headers['content-encoding'], 'gzip');
    assert.match(results.headers.vary ?? '', /accept-encoding/i);
    const counted = JSON.parse(gunzipSync(results.body).toString('utf8'));
    assert.equal(counted.total, 1);
    assert.deepEqual(counted.counts, Object.fromEntries(choices.map((choice) => [choice, 1])));

    // Over the server's 64 KB but under nginx's limit: the contract's JSON error, not nginx's page.
    const tooLarge = await post(JSON.stringify(envelope({ page: `https://www.council.example/${'x'.repeat(70_000)}` })), {
      from: residentC,
    });
    assert.equal(tooLarge.status, 413);
    assert.equal(json(tooLarge).error.code, 'too_large');
  });

  test("the rate limit counts each resident's address, and a forged X-Forwarded-For changes nothing", budget, async () => {
    // DELIB_RATE_LIMIT=3: three responses a minute from one address.
    for (let n = 0; n < 3; n++) assert.equal((await post(envelope(), { from: residentA })).status, 201, logs());
    const limited = await post(envelope(), { from: residentA });
    assert.equal(limited.status, 429);
    assert.equal(json(limited).error.code, 'rate_limited');

    // Another resident is counted apart, though both reach the server from nginx's address.
    assert.equal((await post(envelope(), { from: residentB })).status, 201);

    // Whatever A writes, the server believes only what nginx appended: A's own address.
    for (const forged of ['203.0.113.7', residentB, '198.51.100.1, 127.0.0.1', `${residentB}, ${residentB}`]) {
      const answer = await post(envelope(), { from: residentA, headers: { 'x-forwarded-for': forged } });
      assert.equal(answer.status, 429, `X-Forwarded-For: ${forged} does not free A`);
    }
    // Nor did those count against B: B has exactly its own three.
    assert.equal((await post(envelope(), { from: residentB })).status, 201);
    assert.equal((await post(envelope(), { from: residentB, headers: { 'x-forwarded-for': residentA } })).status, 201);
    assert.equal((await post(envelope(), { from: residentB })).status, 429);
  });

  test('the console, through nginx, knows it is on HTTPS, whatever the client writes', budget, async () => {
    const page = await call('/admin/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /text\/html/);
    assert.match(page.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);

    const signIn = await call('/api/admin/session', {
      method: 'POST',
      from: residentC,
      body: JSON.stringify(admin),
      headers: {
        'content-type': 'application/json',
        origin: `https://${site}`,
        // nginx sets these itself, so a client's own never reach the server.
        'x-forwarded-proto': 'http',
        'x-forwarded-host': 'evil.example',
      },
    });
    assert.equal(signIn.status, 200, signIn.body.toString());
    const cookie = String(signIn.headers['set-cookie']);
    assert.match(cookie, /^delib_session=/);
    assert.match(cookie, /; Secure/, 'the session cookie is Secure: the server knows the browser uses HTTPS');
  });

  // Last: it stops the server.
  test("while the server is down, the API answers the contract's 503 with Retry-After", budget, async () => {
    await stopChild(server);
    for (const answer of [await call('/api/health'), await post(envelope(), { from: residentC })]) {
      assert.equal(answer.status, 503);
      assert.equal(answer.headers['retry-after'], '10');
      assert.match(answer.headers['content-type'], /^application\/json/);
      assert.equal(answer.headers['cache-control'], 'no-store');
      assert.equal(answer.headers['strict-transport-security'], hsts);
      assert.equal(json(answer).error.code, 'unavailable');
    }
  });
});

test(
  'systemd-analyze verify accepts delib.service, which names what the repository and delib.env hold',
  { timeout: 60_000, skip: skipWithout(systemdMissing) },
  () => {
    assert.ok(!systemdMissing, systemdMissing);
    let unit = deployed('delib.service');
    // What it runs and reads is the repository's layout and delib.env's.
    const start = /^ExecStart=(\S+) \/opt\/delib\/(\S+)$/m.exec(unit);
    assert.ok(start, 'ExecStart runs node on a file of the checkout in /opt/delib');
    assert.ok(existsSync(join(repository, start[2])), `${start[2]} is in the repository`);
    assert.match(unit, /^WorkingDirectory=\/opt\/delib$/m);
    assert.match(unit, /^EnvironmentFile=\/etc\/delib\/env$/m);
    assert.match(deployed('delib.env'), /^# \/etc\/delib\/env: /);
    assert.match(unit, /^StateDirectory=delib$/m);
    assert.match(environmentFile(deployed('delib.env')).DATABASE_URL, /^file:\/var\/lib\/delib\//);

    // verify checks that ExecStart's program exists: where this machine's Node is elsewhere, a copy names it.
    if (!existsSync(start[1])) unit = swap(unit, `ExecStart=${start[1]} `, `ExecStart=${process.execPath} `);
    const folder = mkdtempSync(join(tmpdir(), 'delib-systemd-'));
    try {
      writeFileSync(join(folder, 'delib.service'), unit);
      const verified = spawnSync(systemdAnalyze, ['verify', join(folder, 'delib.service')], {
        cwd: folder,
        encoding: 'utf8',
        timeout: 50_000,
      });
      const output = `${verified.stdout}${verified.stderr}`;
      assert.equal(verified.status, 0, output);
      // Lines about other units of this machine, if any, are not ours to judge.
      assert.deepEqual(
        output.split('\n').filter((line) => line.includes('delib')),
        [],
        'no error or warning for delib.service',
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);

test('the README shows the deploy files as they are', () => {
  const readme = readFileSync(join(packageFolder, 'README.md'), 'utf8');
  for (const [name, language] of [
    ['nginx.conf', 'nginx'],
    ['delib.service', 'ini'],
    ['delib.env', 'sh'],
  ]) {
    assert.ok(
      readme.includes(`\`\`\`${language}\n${deployed(name)}\`\`\`\n`),
      `README.md holds deploy/${name} verbatim, in a ${language} block`,
    );
  }
});
