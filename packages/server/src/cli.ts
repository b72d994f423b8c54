import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import pino from 'pino';
import { configFromEnv, logLevels, openStore, type Config } from './config.js';
import { ConfigError, listenProblem, oneLine, secretsIn } from './problems.js';
import { demoOutageSwitch, seedDemo } from './demo.js';

export interface StartOptions extends Partial<Config> {
  /** The demo pages and their outage switch (`npm start`). */
  demo?: boolean;
  /** Made-up votes for the demo's closed poll and always-visible results, once (`npm start`). */
  seed?: boolean;
  /** Folders served at `/`; by default the repository's `dist/` when present, and with `demo` its `demo/`. */
  staticRoots?: string[];
  /** The console's built files, served at `/admin/`; by default `packages/console/dist/admin`. */
  consoleRoot?: string;
  logger?: boolean | object;
}

const repository = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Opens the store, builds the app and listens. Resolves to `{ url, app, close }`. A setting that cannot
 * work rejects with a `ConfigError` saying what to change.
 */
export async function startServer(options: StartOptions = {}) {
  const config = { ...configFromEnv(), ...options };
  const store = await openStore(config.databaseUrl);
  let app;
  try {
    if (options.seed) await seedDemo(store);
    app = await buildApp({
      ...config,
      store,
      staticRoots: options.staticRoots ?? [...(options.demo ? [join(repository, 'demo')] : []), join(repository, 'dist')],
      consoleRoot: options.consoleRoot ?? join(repository, 'packages', 'console', 'dist', 'admin'),
      logger: options.logger,
      register: options.demo ? (instance) => demoOutageSwitch(instance, process.env.DELIB_DEMO_OUTAGE === '1') : undefined,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    return { url, app, store, close: () => app!.close() };
  } catch (error) {
    await (app ? app.close() : store.close()).catch(() => {});
    throw listenProblem(error, config.host, config.port) ?? error;
  }
}

/** `delib-server`: runs until SIGTERM or SIGINT, then finishes the requests under way and stops. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const demo = argv.includes('--demo');
  let started;
  try {
    started = await startServer({ demo, seed: demo });
  } catch (error) {
    // One line in the log's own format, saying what to change; the stack only when asked for.
    const level = process.env.LOG_LEVEL ?? '';
    const log = pino({ level: logLevels.includes(level) ? level : 'info' });
    const secrets = secretsIn(process.env);
    log.fatal(oneLine(error, secrets));
    if (!(error instanceof ConfigError)) log.debug(oneLine(new ConfigError(String((error as Error)?.stack)), secrets));
    process.exit(1);
  }
  const { url, app, store } = started;
  app.log.info(`delib: ${url}/ (API at ${url}/api, ${store.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`);
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      app.log.info(`${signal}: finishing requests under way, then stopping`);
      try {
        await app.close();
        process.exit(0);
      } catch (error) {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    });
  }
}
