#!/usr/bin/env node
/**
 * `npm start`: the demo pages and a stand-in for delib's reference endpoint, on http://localhost:8080.
 *
 * This is a stand-in, not `@delib/server`: it speaks the wire protocol (CONTRACT.md section 4) at
 * `/api`, checks the envelope rather than every answer rule, and keeps responses as JSON lines in
 * `data/standin.jsonl` instead of SQLite. It has no dependencies so that it runs straight after
 * `npm ci`. `POST /api/_outage` lets the demo pages show the widgets' offline queue.
 */
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
// The demo pages claim to work under a strict policy; serving them with one keeps that claim tested.
const pagePolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Rebuilds when the bundle is missing or older than any source or theme, so `npm start` never serves stale code. */
export function ensureBuild() {
  const bundle = join(repo, 'dist/delib.min.js');
  const newest = (path) =>
    statSync(path).isDirectory()
      ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
      : statSync(path).mtimeMs;
  const sources = [
    ...readdirSync(join(repo, 'packages')).map((name) => join(repo, 'packages', name, 'src')),
    join(repo, 'packages/core/themes'),
  ].filter(existsSync);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources.map(newest))) return;
  console.log('Building delib first (npm run build)…');
  const { status } = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (status !== 0) throw new Error('npm run build failed');
}

class HttpError extends Error {
  constructor(status, code, message, field) {
    super(message);
    Object.assign(this, { status, code, field });
  }
}

/** Up to `limit` bytes of the request body; beyond that it is drained unread, so the 413 still reaches the client. */
function readBody(request, limit) {
  const tooLarge = () => new HttpError(413, 'too_large', `The body is larger than ${limit} bytes.`);
  if (Number(request.headers['content-length']) > limit) return Promise.reject(tooLarge());
  return new Promise((done, fail) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else fail(tooLarge());
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

async function readJson(request, limit) {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'unsupported_media_type', 'Send the body as application/json.');
  const text = await readBody(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/** The envelope checks of the protocol's schema that matter for storing and counting; throws the first problem. */
function checkEnvelope(body, protocol) {
  const { limits, isUuid, isWidgetId, answerSchemas, answerProblem } = protocol;
  const invalid = (field, message) => new HttpError(400, 'invalid', message, field);
  const isText = (value, min, max) => typeof value === 'string' && value.length >= min && value.length <= max;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid(undefined, 'The body must be a JSON object.');
  const fields = ['id', 'widget', 'widgetId', 'submittedAt', 'locale', 'page', 'answer'];
  for (const field of fields) if (!(field in body)) throw invalid(field, `${field} is required.`);
  const extra = Object.keys(body).find((field) => !fields.includes(field));
  if (extra) throw invalid(extra, `${extra} is not part of protocol version 1.`);
  if (!isUuid(body.id)) throw invalid('id', 'id must be a UUID.');
  if (!Object.hasOwn(answerSchemas, body.widget))
    throw invalid('widget', `widget must be one of ${Object.keys(answerSchemas).join(', ')}.`);
  if (!isWidgetId(body.widgetId))
    throw invalid('widgetId', `widgetId must be 1 to ${limits.widgetIdLength} printable characters.`);
  if (!isText(body.submittedAt, 1, 40) || Number.isNaN(Date.parse(body.submittedAt)))
    throw invalid('submittedAt', 'submittedAt must be an ISO date-time.');
  if (!isText(body.locale, 2, limits.localeLength)) throw invalid('locale', 'locale must be a language tag.');
  if (!isText(body.page, 0, limits.pageLength)) throw invalid('page', 'page must be a URL.');
  const { answer } = body;
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) throw invalid('answer', 'answer must be an object.');
  // Poll answers are counted, so they are checked in full; other kinds are only stored and counted.
  if (body.widget === 'poll') {
    const { choices, other, ...rest } = answer;
    if (Object.keys(rest).length) throw invalid(`answer.${Object.keys(rest)[0]}`, 'A poll answer holds only choices and other.');
    if (!Array.isArray(choices) || !choices.length || choices.length > limits.items || new Set(choices).size !== choices.length) {
      throw invalid('answer.choices', 'choices must list one or more different options.');
    }
    if (!choices.every((choice) => isText(choice, 1, limits.valueLength)))
      throw invalid('answer.choices', 'Each choice must be a value.');
    if (other !== undefined && !isText(other, 1, limits.textLength))
      throw invalid('answer.other', `other must be 1 to ${limits.textLength} characters.`);
  }
  const problem = answerProblem(body);
  if (problem) throw invalid(problem.field, problem.message);
  return body;
}

/**
 * Results as section 4 describes them, for polls. The other kinds' aggregates (Borda counts, scores,
 * budget means) belong to `@delib/server`; the stand-in only says how many responses it holds.
 */
function results(widgetId, stored) {
  const widget = stored[0]?.widget ?? 'poll';
  // Should one widget id be posted by two kinds of widget, the first kind is the one reported.
  const responses = stored.filter((response) => response.widget === widget);
  const summary = { widget, widgetId, total: responses.length };
  if (widget !== 'poll') return summary;
  const counts = {};
  for (const { answer } of responses) for (const choice of answer.choices) counts[choice] = (counts[choice] ?? 0) + 1;
  return { ...summary, counts };
}

/**
 * Made-up votes so that the closed poll and the blog's always-visible results have something to show.
 * `npm start` writes them once, into a new data file only; tests start empty.
 */
const seedVotes = {
  'dog-control-2026': { leads: 412, zones: 268, 'no-change': 131 },
  'transport-assemblies-2026': { binding: 38, advisory: 71, no: 24, unsure: 12 },
};

/**
 * Starts the demo server and the stand-in endpoint. Resolves to `{ url, close, server }`; `close`
 * stops taking requests, waits for stored writes, and closes the data file.
 */
export async function startServer({
  port = 8080,
  host = '0.0.0.0',
  dataFile = join(repo, 'data/standin.jsonl'),
  outage = false,
  seed = false,
  corsOrigins = process.env.DELIB_CORS_ORIGINS,
  log = (line) => console.log(line),
} = {}) {
  // The wire contract lives in one module, shared with the widgets; `npm run build` compiles it.
  const protocol = await import(pathToFileURL(join(repo, 'packages/protocol/dist/index.js')).href);
  const roots = [join(repo, 'demo'), join(repo, 'dist')];
  const allowed = corsOrigins
    ?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const state = { down: outage };

  const byId = new Map();
  const byWidget = new Map();
  const remember = (envelope) => {
    byId.set(envelope.id, envelope);
    if (!byWidget.has(envelope.widgetId)) byWidget.set(envelope.widgetId, []);
    byWidget.get(envelope.widgetId).push(envelope);
  };
  mkdirSync(dirname(dataFile), { recursive: true });
  const isNew = !existsSync(dataFile);
  const existing = isNew ? '' : readFileSync(dataFile, 'utf8');
  for (const line of existing.split('\n')) {
    try {
      if (line.trim()) remember(checkEnvelope(JSON.parse(line), protocol));
    } catch {
      // A line torn by a crash mid-write was never acknowledged; a hand-edited bad one must not break results.
    }
  }
  const file = await open(dataFile, 'a');
  if (existing && !existing.endsWith('\n')) await file.appendFile('\n');

  // Appends go one at a time, and each is flushed to disk before the response is acknowledged.
  let writes = Promise.resolve();
  const pending = new Map();
  const store = (envelope) => {
    const write = writes.then(async () => {
      await file.appendFile(`${JSON.stringify(envelope)}\n`);
      await file.datasync();
      remember(envelope);
    });
    writes = write.catch(() => {});
    pending.set(envelope.id, write);
    return write.finally(() => pending.delete(envelope.id));
  };
  if (seed && isNew) {
    const votes = Object.entries(seedVotes).flatMap(([widgetId, counts]) =>
      Object.entries(counts).flatMap(([value, count]) =>
        Array.from({ length: count }, () => ({
          id: randomUUID(),
          widget: 'poll',
          widgetId,
          submittedAt: '2026-09-15T12:00:00.000Z',
          locale: 'en',
          page: '',
          answer: { choices: [value] },
        })),
      ),
    );
    await file.appendFile(votes.map((vote) => `${JSON.stringify(vote)}\n`).join(''));
    await file.datasync();
    votes.forEach(remember);
  }

  const send = (response, status, body, headers = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
    response.end(JSON.stringify(body));
  };
  const cors = (request, response) => {
    const origin = request.headers.origin;
    if (!allowed) response.setHeader('Access-Control-Allow-Origin', '*');
    else if (origin && allowed.includes(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (allowed) response.setHeader('Vary', 'Origin');
    // The outbox reads Retry-After, which browsers hide from cross-origin scripts unless exposed.
    response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  };

  async function api(request, response, path) {
    cors(request, response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] || 'Content-Type',
        'Access-Control-Max-Age': '600',
      });
      return response.end();
    }
    const route = `${request.method} ${path.startsWith('/results/') ? '/results/' : path}`;
    switch (route) {
      case 'POST /responses': {
        if (state.down) throw new HttpError(503, 'unavailable', 'Simulated outage (demo): try again shortly.');
        const envelope = checkEnvelope(await readJson(request, protocol.limits.bodyBytes), protocol);
        const ack = { id: envelope.id, accepted: true };
        if (pending.has(envelope.id)) await pending.get(envelope.id);
        if (byId.has(envelope.id)) return send(response, 200, ack);
        await store(envelope);
        return send(response, 201, ack);
      }
      case 'GET /results/': {
        let widgetId;
        try {
          widgetId = decodeURIComponent(path.slice('/results/'.length));
        } catch {
          throw new HttpError(400, 'invalid', 'The widget id is not valid URL encoding.', 'widgetId');
        }
        if (!protocol.isWidgetId(widgetId)) throw new HttpError(400, 'invalid', 'That is not a widget id.', 'widgetId');
        return send(response, 200, results(widgetId, byWidget.get(widgetId) ?? []));
      }
      case 'GET /health':
        return send(response, state.down ? 503 : 200, { ok: !state.down });
      case 'GET /_outage':
        return send(response, 200, { down: state.down });
      case 'POST /_outage': {
        const body = await readJson(request, 1024);
        if (typeof body?.down !== 'boolean')
          throw new HttpError(400, 'invalid', 'Send { "down": true } or { "down": false }.', 'down');
        state.down = body.down;
        return send(response, 200, { down: state.down });
      }
    }
    const known = ['/responses', '/health', '/_outage'].includes(path) || path.startsWith('/results/');
    throw known
      ? new HttpError(405, 'method_not_allowed', `${request.method} is not allowed here.`)
      : new HttpError(404, 'not_found', 'No such API route.');
  }

  function files(request, response, path) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, { error: { code: 'method_not_allowed', message: 'Only GET.' } });
    for (const root of roots) {
      let file = resolve(root, `.${path}`);
      if (file !== root && !file.startsWith(root + sep)) break;
      let stats = statSync(file, { throwIfNoEntry: false });
      if (stats?.isDirectory()) {
        // Relative links in an index page need the trailing slash; a relative Location cannot point off-site.
        if (!path.endsWith('/')) return response.writeHead(301, { Location: `${encodeURIComponent(basename(path))}/` }).end();
        file = join(file, 'index.html');
        stats = statSync(file, { throwIfNoEntry: false });
      }
      if (!stats?.isFile()) continue;
      const type = types[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, {
        'Content-Type': type,
        'Content-Length': stats.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...(type.startsWith('text/html') ? { 'Content-Security-Policy': pagePolicy } : {}),
      });
      if (request.method === 'HEAD') return response.end();
      return createReadStream(file)
        .on('error', () => response.destroy())
        .pipe(response);
    }
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('Not found\n');
  }

  const server = createServer(async (request, response) => {
    const started = performance.now();
    // Paths only: queries could carry anything, and no address or user agent is ever logged.
    const path = (request.url ?? '/').split('?')[0];
    response.on(
      'finish',
      () => log && log(`${request.method} ${path} ${response.statusCode} ${Math.round(performance.now() - started)}ms`),
    );
    try {
      if (path === '/api' || path.startsWith('/api/')) return await api(request, response, path.slice(4));
      let decoded;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        throw new HttpError(400, 'bad_path', 'The path is not valid URL encoding.');
      }
      if (decoded.includes('\0')) throw new HttpError(400, 'bad_path', 'The path is not valid.');
      files(request, response, decoded);
    } catch (error) {
      if (response.headersSent) return response.destroy();
      if (!(error instanceof HttpError)) {
        console.error(error);
        return send(response, 500, { error: { code: 'internal', message: 'The stand-in failed; nothing was stored.' } });
      }
      const headers = error.status === 503 ? { 'Retry-After': '5' } : error.status === 413 ? { Connection: 'close' } : {};
      const body = { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
      send(response, error.status, body, headers);
    }
  });

  await new Promise((done, fail) => server.once('error', fail).listen(port, host, done));
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  let closing;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise((done) => server.close(done));
      server.closeIdleConnections();
      // Requests in flight get a moment to finish; a browser's idle keep-alive must not hold us up.
      const force = setTimeout(() => server.closeAllConnections(), 2000);
      await stopped;
      clearTimeout(force);
      await writes;
      await file.close();
    })());
  return { url: `http://${shown}:${server.address().port}`, close, server };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    ensureBuild();
    const port = Number(process.env.PORT ?? 8080);
    const { url, close } = await startServer({ port, outage: process.env.DELIB_STANDIN_OUTAGE === '1', seed: true });
    console.log(`delib demo: ${url}/  (stand-in endpoint ${url}/api, data in data/standin.jsonl)`);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, async () => {
        console.log(`${signal}: closing`);
        await close();
        process.exit(0);
      });
    }
  } catch (error) {
    console.error(error.message ?? error);
    process.exit(1);
  }
}
