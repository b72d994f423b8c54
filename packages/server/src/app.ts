import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { formFields, isWidgetId, limits, type WidgetKind } from '@delib/protocol';
import { defaultValueLimit, type Store } from './store.js';
import { ConfigError, defaults, normaliseOrigins } from './config.js';
import { ClientError, validateEnvelope } from './validate.js';
import { csvExport, jsonExport } from './export.js';
import { ByteBoundedCache } from './cache.js';
import { apiHeaders, clientErrorHandler, contractPayload, pageHeaders } from './errors.js';
import { fromAnotherSite, requireRole, roles } from './admin/access.js';
import { setUpAdmin } from './admin/routes.js';
import type { SignInLimits } from './admin/sessions.js';
import { itemsRoute, widgetAdminRoutes } from './admin/widgets.js';
import { scheduleRetention } from './admin/retention.js';
import {
  formEnvelope,
  formPage,
  formPagePolicy,
  listedSite,
  returnAddress,
  sendBack,
  sendRefused,
  sendThanks,
} from './form-post.js';

export interface AppOptions {
  store: Store;
  /** Enables `GET /api/export/…` for requests bearing it. */
  adminToken?: string;
  /** Origins allowed to call the API and load the bundles; undefined or empty: any origin. */
  corsOrigins?: string[];
  /** Responses one address may post per minute; off by default, as many residents share one address. */
  rateLimit?: number;
  /** Folders served at `/` (first found wins), e.g. the demo pages and the built bundles. */
  staticRoots?: string[];
  /** The console's built files (`packages/console/dist/admin`), served at `/admin/` when the folder exists. */
  consoleRoot?: string;
  /** Pino logger options, or false. */
  logger?: boolean | object;
  /**
   * Behind proxies: how many there are, or their addresses, so that the rate limit counts the address
   * the nearest of them saw. Never `true`: any client could then write its own address.
   */
  trustProxy?: number | string[];
  /** Distinct values a widget's results may hold per bucket (choices, items, categories); 1,000 by default. */
  valueLimit?: number;
  /**
   * Milliseconds within which a request's headers and body must have arrived (30 s); after it the
   * answer is 408 and the connection closes. Headers alone get at most 10 s.
   */
  requestTimeout?: number;
  /** Milliseconds an idle kept-alive connection stays open (5 s). */
  keepAliveTimeout?: number;
  /** Connections open at once (1,000); more are closed as they arrive. */
  maxConnections?: number;
  /** `DELIB_ADMIN_EMAIL` and `DELIB_ADMIN_PASSWORD`: the first admin of the console, when it has no account. */
  firstAdmin?: { email: string; password: string };
  /** Hours a console session lasts unused (8); 24 at most, whatever the use. */
  sessionHours?: number;
  /** Failed sign-ins allowed per account and per address in a sliding window (10 and 30 in 15 minutes). */
  signInLimits?: SignInLimits;
  /**
   * Days after which the contact details of needs-and-assets answers are erased (at start, then hourly);
   * undefined: kept.
   */
  retentionDays?: number;
  /** The clock of sessions, the audit log and the console (today's UTC day, decisions, outcomes, retention); tests move it. */
  now?: () => Date;
  /** Extra routes and hooks, registered before the API (the demo's outage switch). */
  register?: (app: FastifyInstance) => void;
}

const acknowledgement = {
  type: 'object',
  properties: { id: { type: 'string' }, accepted: { type: 'boolean' } },
  required: ['id', 'accepted'],
} as const;

const widgetIdRule = `widgetId must be 1–${limits.widgetIdLength} printable characters, and not "." or "..".`;

const widgetKinds: WidgetKind[] = ['poll', 'ranking', 'pairwise', 'budget', 'needs-assets'];

/** Empty results for a widget id nobody has answered yet, in the shape its widget expects. */
function emptyResults(widget: WidgetKind, widgetId: string) {
  const base = { widget, widgetId, total: 0 };
  if (widget === 'poll') return { ...base, counts: {} };
  if (widget === 'needs-assets') return { ...base, needs: {}, assets: {} };
  return { ...base, items: [] };
}

/** Milliseconds for a request's headers, and of silence on a connection before it is closed. */
const headersTimeout = 10_000;
const idleTimeout = 60_000;

/** Values a results response holds per bucket unless the widget names its own (`?value=…`). */
const resultsLimit = 100;
/** Bytes of serialised results kept between writes, over every widget. */
const resultsCacheBytes = 16 * 1024 * 1024;

/**
 * `?value=a&value=b`: the values a widget shows (its options), so that its results hold exactly those,
 * however many others strangers have posted. As many as one answer may hold, each as long as a value.
 */
function namedValues(query: string | string[] | undefined): string[] | undefined {
  if (query === undefined) return undefined;
  const values = [...new Set(Array.isArray(query) ? query : [query])].sort();
  const fits = (value: string) => value.length > 0 && [...value].length <= limits.valueLength;
  if (values.length > limits.items || !values.every(fits)) {
    throw new ClientError(
      400,
      'invalid',
      `value may be given up to ${limits.items} times, each 1–${limits.valueLength} characters.`,
      'value',
    );
  }
  return values;
}

/** Fastify's own client errors, renamed into the contract's codes. */
const fastifyCodes: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too_large', `The body is larger than ${limits.bodyBytes} bytes.`],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The body is empty.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_length', 'Content-Length does not match the body.'],
};

const privateNetworks = new BlockList();
for (const [network, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
] as const)
  privateNetworks.addSubnet(network, bits, 'ipv4');
for (const [network, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  privateNetworks.addSubnet(network, bits, 'ipv6');

const isPrivate = (address: string) => {
  const ipv4 = address.replace(/^::ffff:/i, '');
  return isIP(ipv4) === 4 ? privateNetworks.check(ipv4, 'ipv4') : isIP(address) === 6 && privateNetworks.check(address, 'ipv6');
};

/**
 * Which addresses of a request's chain (the socket's, then X-Forwarded-For from the right) are proxies.
 * A count trusts that many hops, the first of them only from a private or loopback address: a client
 * that reaches the server directly from the Internet is known by its socket, whatever it writes.
 */
function trustProxy(setting: unknown): ((address: string, hop: number) => boolean) | string[] | false {
  if (Array.isArray(setting)) return setting;
  if (typeof setting === 'number' && Number.isInteger(setting) && setting >= 0)
    return (address, hop) => hop < setting && (hop > 0 || isPrivate(address));
  if (setting === undefined || setting === false) return false;
  throw new TypeError('trustProxy must be the number of proxies in front of the server or their addresses.');
}

/**
 * The origins that may call the API (undefined: any), each as a browser sends it; what the setting
 * holds that can never match is said at start-up, and every preflight refused is logged with its
 * origin, so that an operator can see why a site's widgets fail.
 */
function allowedOrigins(app: FastifyInstance, entries: string[] | undefined): string[] | undefined {
  if (!entries?.length || entries.includes('*')) return undefined;
  const { origins, notes } = normaliseOrigins(entries);
  for (const note of notes) app.log.warn(note);
  if (!origins.length) throw new ConfigError('DELIB_CORS_ORIGINS has no entry that can match a site.');
  app.addHook('onRequest', (request, _reply, done) => {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS' && origin && request.headers['access-control-request-method'] && !origins.includes(origin)) {
      request.log.warn({ origin }, `refused a CORS preflight from ${origin}: it is not in DELIB_CORS_ORIGINS`);
    }
    done();
  });
  return origins;
}

/** Errors the router raises before any route or hook runs (so before the `onSend` hook too). */
function frameworkError(error: FastifyError): ClientError {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new ClientError(400, 'invalid', widgetIdRule, 'widgetId');
  if (error.code === 'FST_ERR_BAD_URL')
    return new ClientError(400, 'bad_url', 'The address holds a %-encoding that is not UTF-8 text.');
  return new ClientError(400, 'bad_request', 'The request could not be routed.');
}

/**
 * The console's policy: its own script and stylesheet only (Lit's adopted stylesheets need no
 * 'unsafe-inline'), its own API, never framed, no `<base>` and forms only back to itself.
 */
export const consolePolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const refuse = (reply: FastifyReply, error: ClientError) => reply.code(error.status).headers(apiHeaders).send(error.body);

/**
 * The reference endpoint (CONTRACT.md sections 4 and 7): the API at `/api`, static files at `/`.
 * Every client mistake is a 4xx with `{ error: { code, message, field? } }`; nothing a client sends
 * can cause a 5xx. When the database fails, the answer is 503 with Retry-After, which widgets retry.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const valueLimit = options.valueLimit ?? defaultValueLimit;
  const resultsCache = new ByteBoundedCache(resultsCacheBytes);
  const requestTimeout = options.requestTimeout ?? defaults.requestTimeout;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    bodyLimit: limits.bodyBytes,
    requestTimeout,
    keepAliveTimeout: options.keepAliveTimeout ?? defaults.keepAliveTimeout,
    // No traffic either way for this long (a client that stops reading an answer): closed.
    connectionTimeout: idleTimeout,
    http: {
      headersTimeout: Math.min(headersTimeout, requestTimeout),
      // How often Node looks for requests past their time: often enough that the timeouts mean what they say.
      connectionsCheckingInterval: Math.min(1000, requestTimeout / 2),
    },
    // Counted in UTF-16 units, and a character may take two: every id the schema accepts gets through,
    // and the handlers check the rest.
    routerOptions: { maxParamLength: 2 * limits.widgetIdLength },
    frameworkErrors: (error, _request, reply) => refuse(reply as FastifyReply, frameworkError(error)),
    clientErrorHandler,
    trustProxy: trustProxy(options.trustProxy),
    logger:
      options.logger === false
        ? false
        : {
            level: process.env.LOG_LEVEL ?? 'info',
            ...(typeof options.logger === 'object' ? options.logger : {}),
            // No addresses, ports or user agents in the logs: only what the request was for.
            serializers: {
              req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
              res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
            },
          },
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A plain form's post (no script on the page) is answered with a page a person can read, not JSON.
    const formPost =
      request.method === 'POST' &&
      request.url.split('?')[0] === '/api/responses' &&
      /^application\/x-www-form-urlencoded/i.test(String(request.headers['content-type'] ?? ''));
    const answer = (problem: ClientError) =>
      formPost ? formPage(reply, { locale: 'en', problem }) : reply.code(problem.status).send(problem.body);
    if (error instanceof ClientError) return answer(error);
    const known = fastifyCodes[error.code];
    if (known) return answer(new ClientError(...known));
    if (error.statusCode === 429) {
      return answer(new ClientError(429, 'rate_limited', 'Too many responses from this address: try again in a minute.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return answer(new ClientError(error.statusCode, 'bad_request', error.message));
    }
    request.log.error({ err: error }, 'failed');
    // Temporary from the client's side: widgets keep the response and try again later.
    reply.header('Retry-After', '10');
    return answer(new ClientError(503, 'unavailable', 'The service is unavailable; try again later.'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(new ClientError(404, 'not_found', `Nothing at ${request.method} ${request.url.split('?')[0]}.`).body),
  );

  // A callback hook rather than an async one: it runs on every answer, and needs no promise.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.url.startsWith('/api/')) {
      reply.headers(pageHeaders);
      return done(null, payload);
    }
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      // A plain form's thank-you or error page (form-post.ts), with its own policy.
      reply.headers({ ...apiHeaders, 'Content-Security-Policy': formPagePolicy });
      return done(null, payload);
    }
    reply.headers(apiHeaders);
    const replacement = contractPayload(reply.statusCode, request.method, payload);
    if (replacement) reply.type('application/json; charset=utf-8');
    done(null, replacement ?? payload);
  });

  app.server.maxConnections = options.maxConnections ?? defaults.maxConnections;

  options.register?.(app);

  const admin = await setUpAdmin(app, options);
  const { access } = admin;

  const origins = allowedOrigins(app, options.corsOrigins);
  await app.register(cors, {
    origin: origins ?? '*',
    methods: ['GET', 'POST', 'OPTIONS'],
    // Widgets on other sites must be able to read it to honour it.
    exposedHeaders: ['Retry-After'],
    credentials: !!origins,
    maxAge: 86400,
  });

  if (options.rateLimit) {
    await app.register(rateLimit, { global: false, max: options.rateLimit, timeWindow: '1 minute' });
  }

  await app.register(
    async (api) => {
      api.get('/health', async () => ({ ok: true }));
      api.get<{ Querystring: { lang?: string; site?: string } }>('/thanks', (request, reply) =>
        formPage(reply, {
          locale: String(request.query.lang ?? 'en'),
          site: listedSite(typeof request.query.site === 'string' ? request.query.site : undefined, origins),
        }),
      );

      // A plain form's fields, bounded as a JSON body is (and in number by readForm).
      api.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: limits.bodyBytes },
        (_request, body, done) => done(null, new URLSearchParams(body as string)),
      );

      api.post(
        '/responses',
        {
          config: options.rateLimit ? { rateLimit: { max: options.rateLimit, timeWindow: '1 minute' } } : {},
          // Serialised by a compiled function rather than JSON.stringify.
          schema: { response: { '2xx': acknowledgement } },
          // Before the body is read: anything but JSON is refused, whatever its parser would make of it.
          // (A widget's plain form, posted without the script, comes form-encoded: see form-post.ts.)
          onRequest: async (request) => {
            const type = String(request.headers['content-type'] ?? '')
              .split(';')[0]
              .trim()
              .toLowerCase();
            if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded')
              throw new ClientError(415, 'unsupported_media_type', 'Send the body as application/json.');
          },
        },
        async (request, reply) => {
          if (request.body instanceof URLSearchParams) {
            const fields = request.body;
            const locale = fields.get(formFields.locale) ?? 'en';
            let back: URL | undefined;
            try {
              back = returnAddress(request, fields, origins);
              const envelope = validateEnvelope(formEnvelope(fields, back, request, now()));
              await accept(envelope);
              // No page to go back to: a thank-you page of our own, fetched anew (so that reloading it posts nothing).
              return back ? sendBack(reply, back, envelope.widgetId) : sendThanks(reply, locale, request, origins);
            } catch (error) {
              if (!(error instanceof ClientError)) throw error;
              // Only to a page already found safe: a foreign origin or return address never gets here with one.
              return (back && sendRefused(reply, back, fields, error)) || formPage(reply, { locale, back, problem: error });
            }
          }
          const envelope = validateEnvelope(request.body);
          const outcome = await accept(envelope);
          return reply.code(outcome === 'created' ? 201 : 200).send({ id: envelope.id, accepted: true });
        },
      );

      /** Stores a response, or says why not; a response already stored is 'duplicate'. */
      async function accept(envelope: ReturnType<typeof validateEnvelope>) {
        // The contract's page is origin and path; a query or fragment can carry personal data
        // (an email in a link), so it is never stored, whichever client sent it.
        envelope.page = envelope.page.replace(/[?#].*$/s, '');
        const outcome = await store.insert(envelope, now(), { valueLimit });
        if (outcome === 'closed') {
          throw new ClientError(410, 'closed', 'This question is closed: it no longer takes responses.', 'widgetId');
        }
        if (typeof outcome === 'object' && 'conflict' in outcome) {
          throw new ClientError(
            409,
            'widget_conflict',
            `This widgetId belongs to a ${outcome.conflict}, not a ${envelope.widget}.`,
            'widgetId',
          );
        }
        if (typeof outcome === 'object') {
          throw new ClientError(
            422,
            'too_many_values',
            `This question already has ${valueLimit} different ${outcome.tooManyValues} values; no new ones are taken.`,
            'answer',
          );
        }
        return outcome;
      }

      api.get<{ Params: { widgetId: string }; Querystring: { widget?: string; value?: string | string[] } }>(
        '/results/:widgetId',
        async (request, reply) => {
          const { widgetId } = request.params;
          if (!isWidgetId(widgetId)) throw new ClientError(400, 'invalid', widgetIdRule, 'widgetId');
          const values = namedValues(request.query.value);
          const version = await store.version(widgetId);
          if (version === undefined) {
            // Widgets say what they are, so a question nobody has answered yet still gets its empty results.
            const hint = request.query.widget as WidgetKind;
            if (widgetKinds.includes(hint)) return emptyResults(hint, widgetId);
            throw new ClientError(404, 'not_found', 'No responses for this widgetId yet.', 'widgetId');
          }
          const key = JSON.stringify([widgetId, values ?? null]);
          let body = resultsCache.get(key, version);
          if (body === undefined) {
            const found = await store.results(widgetId, values ? { values } : { limit: resultsLimit });
            if (!found) throw new ClientError(404, 'not_found', 'No responses for this widgetId yet.', 'widgetId');
            body = JSON.stringify(found);
            resultsCache.set(key, version, body);
          }
          return reply.type('application/json; charset=utf-8').send(body);
        },
      );

      api.get<{ Params: { widgetId: string }; Querystring: { format?: string } }>(
        '/export/:widgetId',
        {
          // Readable by a listed site's pages only without credentials: never with a console session.
          config: { cors: { credentials: false } },
        },
        async (request, reply) => {
          const found = await access.authenticate(request);
          if (!found || !roles.includes(found.actor.role)) {
            reply.header('WWW-Authenticate', 'Bearer');
            throw new ClientError(
              401,
              'unauthorized',
              'Sign in to the console, or send Authorization: Bearer with the admin token.',
            );
          }
          if (found.byCookie && fromAnotherSite(request))
            throw new ClientError(
              403,
              'cross_origin',
              'This request did not come from the console on this server, so it was refused.',
            );
          request.actor = found.actor;
          const { widgetId } = request.params;
          const format = request.query.format ?? 'csv';
          if (!isWidgetId(widgetId)) throw new ClientError(400, 'invalid', widgetIdRule, 'widgetId');
          if (format !== 'csv' && format !== 'json')
            throw new ClientError(400, 'invalid', 'format must be csv or json.', 'format');
          const results = await store.results(widgetId);
          if (!results) throw new ClientError(404, 'not_found', 'No responses for this widgetId.', 'widgetId');
          await access.audit(request, 'export', widgetId);
          const name = widgetId.replace(/[^\w.-]+/g, '_');
          reply.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
          if (format === 'json') return reply.type('application/json; charset=utf-8').send(jsonExport(store, widgetId));
          return reply.type('text/csv; charset=utf-8').send(await csvExport(store, widgetId, results.widget));
        },
      );

      admin.routes(api);
      itemsRoute(api, { store, cache: resultsCache });
      widgetAdminRoutes(api, { store, audit: access.audit, requireRole, now });
    },
    { prefix: '/api' },
  );

  const roots = (options.staticRoots ?? []).filter(existsSync);
  // One plugin per folder, the first holding a path winning: the earlier folders answer for the files they
  // held at start (wildcard off), the last for everything else. (@fastify/static 10.1.3, the last release
  // that runs on Node 20, answers 404 for a file without a .br beside it when given several roots at once.)
  for (const [index, root] of roots.entries()) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: index === roots.length - 1,
      decorateReply: index === 0,
      // The build writes .br and .gz next to each bundle: residents on phones get the small one.
      preCompressed: true,
      // `.env`, `.git/…` and the like are never published, wherever they were copied: they answer 404.
      dotfiles: 'ignore',
      // Bundles keep one name across versions: browsers revalidate (ETag) rather than keep a stale copy.
      cacheControl: false,
      setHeaders: (reply, path) => {
        reply.header('Cache-Control', 'no-cache');
        if (path.endsWith('.html')) {
          reply.header(
            'Content-Security-Policy',
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
          );
        } else {
          // Bundles and themes may be loaded by other sites' pages.
          reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
        }
      },
    });
  }

  if (options.consoleRoot && existsSync(options.consoleRoot)) {
    // The console is for this server's own officers: no other site's pages may read it (no CORS).
    app.addHook('onRoute', (route) => {
      if (route.url === '/admin' || route.url.startsWith('/admin/')) route.config = { ...(route.config as object), cors: false };
    });
    app.get('/admin', (_request, reply) => reply.redirect('/admin/', 301));
    await app.register(fastifyStatic, {
      root: options.consoleRoot,
      prefix: '/admin/',
      // The root static plugin already decorates the reply.
      decorateReply: !roots.length,
      redirect: false,
      preCompressed: true,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply) => {
        // One name across versions, as for the bundles: revalidated every time, never a stale console.
        reply.header('Cache-Control', 'no-cache');
        reply.header('Content-Security-Policy', consolePolicy);
        reply.header('Cross-Origin-Resource-Policy', 'same-origin');
      },
    });
  }

  if (options.retentionDays) {
    scheduleRetention(app, { store, days: options.retentionDays, now, record: (entry) => store.recordAudit(entry) });
  }

  app.addHook('onClose', async () => store.close());
  return app;
}
