/**
 * A controllable stand-in for a delib endpoint (CONTRACT.md section 4), for the end-to-end tests.
 *
 * It answers `POST <base>/responses`, `GET <base>/results/<widgetId>` and `OPTIONS` preflights for any
 * path under `prefix` (default `/api`), so a test can tell which base URL a widget resolved. Every POST
 * is recorded with its envelope id, when it arrived, when its answer left (or its socket closed), the
 * body and what it was answered. How POSTs are answered is set from the test:
 *
 *   api.set('ok')                       201 {id, accepted:true}, 200 for an id already stored; stored once
 *   api.set('ok', { delayMs: 1000 })    the same, answered after a delay
 *   api.set('down')                     the socket is destroyed: a network failure
 *   api.set('503')                      503, retryable
 *   api.set('429', { retryAfter: 2 })   429 with Retry-After
 *   api.set('422', { error })           422 with the contract's error body
 *   api.set('404')                      404 with the contract's error body, as a server answers an unknown route
 *   api.set('405')                      405 with no body, as a static web server answers a POST
 *   api.set('403-html')                 403 with an HTML page, as a proxy or firewall answers
 *   api.set('410')                      410 code closed: the question was closed at the endpoint
 *   api.set('hang')                     never answers (until `close()`)
 *   api.next('429', 'ok')               the next POSTs take these modes in turn, then the `set` one
 *
 * `api.outcome(widgetId, { text: { en, cy? }, publishedAt })` makes that widget's results carry the outcome
 * ("you said, we did"), as the reference endpoint does once an officer publishes one.
 *
 * Use `handler` with `serve(roots, handler)`, or `listen()` for a server of its own (another origin).
 */
import { createServer } from 'node:http';

const defaultError = { code: 'invalid_answer', message: 'That option is not part of this poll.', field: 'answer.choices' };

const normalise = (mode) => (typeof mode === 'string' ? { mode } : { ...mode });

export function createEndpoint({ prefix = '/api' } = {}) {
  /** Every POST to `…/responses`: `{ n, id, base, start, end, status, mode, body, raw, headers }`. */
  const posts = [];
  /** Every OPTIONS preflight: `{ path, headers, time }`. */
  const preflights = [];
  /** Every GET of results: `{ base, widgetId, time }`. */
  const resultReads = [];
  /** What was stored, by envelope id, in order of arrival. */
  const stored = new Map();
  /** Responses held open by `hang`, ended by `close()`. */
  const hung = new Set();
  let standing = { mode: 'ok' };
  /** Published outcomes, by widget id. */
  const outcomes = new Map();
  const queue = [];

  const cors = (request) => ({
    'Access-Control-Allow-Origin': request.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? 'Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  });

  const json = (request, response, status, body, extra = {}) => {
    response.writeHead(status, { ...cors(request), 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...extra });
    response.end(JSON.stringify(body));
  };

  const readBody = (request) =>
    new Promise((done, fail) => {
      const chunks = [];
      request.on('data', (chunk) => chunks.push(chunk));
      request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
      request.on('error', fail);
    });

  const counts = (widgetId) => {
    const answers = [...stored.values()].filter((envelope) => envelope.widgetId === widgetId);
    const tally = {};
    for (const envelope of answers) {
      for (const choice of envelope.answer?.choices ?? []) tally[choice] = (tally[choice] ?? 0) + 1;
    }
    const outcome = outcomes.get(widgetId);
    return { widget: 'poll', widgetId, total: answers.length, counts: tally, ...(outcome ? { outcome } : {}) };
  };

  async function handlePost(request, response, base) {
    const start = Date.now();
    const raw = await readBody(request);
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const { mode, delayMs = 0, retryAfter = 1, error = defaultError } = queue.length ? queue.shift() : standing;
    const record = {
      n: posts.length + 1,
      id: body?.id,
      base,
      start,
      end: undefined,
      status: undefined,
      mode,
      body,
      raw,
      headers: request.headers,
    };
    posts.push(record);
    // The socket outlives the request (keep-alive): its listener goes as soon as the answer has.
    const finish = () => {
      record.end ??= Date.now();
      request.socket.off('close', finish);
    };
    response.on('finish', finish);
    response.on('close', finish);
    request.socket.on('close', finish);

    if (mode === 'down') {
      record.status = 'network';
      request.socket.destroy();
      finish();
      return;
    }
    if (mode === 'hang') {
      record.status = 'hang';
      hung.add(response);
      response.on('close', () => hung.delete(response));
      return;
    }
    if (delayMs) await new Promise((done) => setTimeout(done, delayMs));
    if (response.destroyed) return;
    if (mode === 'ok') {
      if (!body || typeof body.id !== 'string') {
        record.status = 400;
        json(request, response, 400, { error: { code: 'invalid_json', message: 'The body is not an envelope.' } });
        return;
      }
      const again = stored.has(body.id);
      if (!again) stored.set(body.id, body);
      record.status = again ? 200 : 201;
      json(request, response, record.status, { id: body.id, accepted: true });
    } else if (mode === '503') {
      record.status = 503;
      json(request, response, 503, { error: { code: 'unavailable', message: 'Try again later.' } });
    } else if (mode === '429') {
      record.status = 429;
      json(
        request,
        response,
        429,
        { error: { code: 'rate_limited', message: 'Slow down.' } },
        { 'Retry-After': String(retryAfter) },
      );
    } else if (mode === '422') {
      record.status = 422;
      json(request, response, 422, { error });
    } else if (mode === '404') {
      record.status = 404;
      json(request, response, 404, { error: { code: 'not_found', message: `Nothing at POST ${base}/responses.` } });
    } else if (mode === '405') {
      record.status = 405;
      response.writeHead(405, { ...cors(request), Allow: 'GET, HEAD' }).end();
    } else if (mode === '410') {
      record.status = 410;
      json(request, response, 410, { error: { code: 'closed', message: 'This question is closed.' } });
    } else if (mode === '403-html') {
      record.status = 403;
      response
        .writeHead(403, { ...cors(request), 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Access denied</title><h1>Access denied</h1><p>Request blocked by policy.</p>');
    } else {
      throw new Error(`endpoint double: unknown mode ${mode}`);
    }
  }

  /** For `serve(roots, handler)`: answers what is under `prefix`, leaves the rest to the file server. */
  async function handler(request, response) {
    const path = new URL(request.url, 'http://x').pathname;
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return false;
    if (request.method === 'OPTIONS') {
      preflights.push({ path, headers: request.headers, time: Date.now() });
      response.writeHead(204, cors(request)).end();
      return true;
    }
    const results = /^(.*)\/results\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && results) {
      const widgetId = decodeURIComponent(results[2]);
      resultReads.push({ base: results[1], widgetId, time: Date.now() });
      json(request, response, 200, counts(widgetId));
      return true;
    }
    const responses = /^(.*)\/responses$/.exec(path);
    if (request.method === 'POST' && responses) {
      await handlePost(request, response, responses[1]);
      return true;
    }
    json(request, response, 404, { error: { code: 'not_found', message: 'Not found.' } });
    return true;
  }

  const api = {
    handler,
    posts,
    preflights,
    resultReads,
    stored,
    /** The standing mode for every POST not covered by `next`. */
    set(mode, options = {}) {
      standing = { ...normalise(mode), ...options };
      return api;
    },
    /** Publishes an outcome for a widget's results (undefined withdraws it). */
    outcome(widgetId, outcome) {
      if (outcome) outcomes.set(widgetId, outcome);
      else outcomes.delete(widgetId);
      return api;
    },
    /** Modes for the next POSTs, one each, before the standing mode applies again. */
    next(...modes) {
      queue.push(...modes.map(normalise));
      return api;
    },
    postsFor: (id) => posts.filter((post) => post.id === id),
    /** Pairs of POSTs of the same id whose time in flight overlapped. */
    overlaps(id) {
      const list = api.postsFor(id);
      const pairs = [];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const [a, b] = [list[i], list[j]];
          const aEnd = a.end ?? Infinity;
          const bEnd = b.end ?? Infinity;
          if (a.start < bEnd && b.start < aEnd) pairs.push([a.n, b.n]);
        }
      }
      return pairs;
    },
    /** Resolves once `predicate()` holds; rejects with `what` after `timeoutMs`. */
    async waitFor(predicate, what = 'condition', timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`endpoint double: timed out waiting for ${what}`);
        await new Promise((done) => setTimeout(done, 20));
      }
    },
    waitForStored: (id, timeoutMs) => api.waitFor(() => stored.has(id), `envelope ${id} to be stored`, timeoutMs),
    waitForPosts: (count, timeoutMs) => api.waitFor(() => posts.length >= count, `${count} POST(s)`, timeoutMs),
    /** Ends hung responses (a network failure for the browser). */
    release() {
      for (const response of hung) response.socket?.destroy();
      hung.clear();
    },
    /** A server of its own on 127.0.0.1, e.g. to be another origin than the pages. */
    async listen() {
      const server = createServer(async (request, response) => {
        try {
          if (!(await handler(request, response))) response.writeHead(404).end();
        } catch (error) {
          if (!response.headersSent) response.writeHead(500).end(String(error));
        }
      });
      await new Promise((done) => server.listen(0, '127.0.0.1', done));
      return {
        server,
        port: server.address().port,
        close: () => closeServer(server, api),
      };
    },
  };
  return api;
}

/** Closes a test server without waiting for connections the browser keeps alive or `hang` holds. */
export function closeServer(server, api) {
  api?.release();
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections?.();
  });
}
