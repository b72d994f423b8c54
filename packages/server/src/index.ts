export { buildApp, type AppOptions } from './app.js';
export { startServer, main, type StartOptions } from './cli.js';
export { configFromEnv, openStore, ConfigError, type Config } from './config.js';
export { SqliteStore } from './sqlite.js';
export { ClientError, validateEnvelope } from './validate.js';
export { csvCell, csvExport, jsonExport } from './export.js';
// Moved to @delib/protocol (the result shapes are defined there); still exported here as before.
export { tallies, results, type Tally } from '@delib/protocol';
export { defaultValueLimit } from './store.js';
export type { Store, StoredResponse, InsertOutcome, InsertOptions } from './store.js';
