/**
 * What stops the server from starting, said in one line an operator can act on: which setting to
 * change and how. Never a stack trace, never a password or token.
 */

/** A setting that cannot work: the message is one sentence saying what to change, and holds no secret. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Failure = Error & { code?: string; syscall?: string };

const codeOf = (error: unknown) => String((error as Failure)?.code ?? '');

/** Why SQLite could not open `path`, by the error's code (errno or SQLite result code). */
const sqliteReasons: [string, string][] = [
  ['ENOTDIR', 'a part of its path is a file, not a folder'],
  ['EEXIST', 'a part of its path is a file, not a folder'],
  ['EACCES', 'this user may not create or write it there'],
  ['EPERM', 'this user may not create or write it there'],
  ['EROFS', 'the file system is read-only'],
  ['ENOSPC', 'the disk is full'],
  ['SQLITE_CANTOPEN', 'it cannot be created or opened there (a missing or read-only folder, or a folder of that name)'],
  ['SQLITE_READONLY', 'it is read-only for this user'],
  ['SQLITE_PERM', 'this user may not write it'],
  ['SQLITE_NOTADB', 'the file is not a SQLite database'],
  ['SQLITE_CORRUPT', 'the file is damaged: restore it from a backup'],
  ['SQLITE_FULL', 'the disk is full'],
  ['SQLITE_IOERR', 'the disk reported an error'],
];

export function sqliteProblem(error: unknown, path: string): ConfigError {
  const code = codeOf(error);
  const reason = sqliteReasons.find(([prefix]) => code.startsWith(prefix))?.[1] ?? (error as Error)?.message ?? String(error);
  return new ConfigError(
    `Cannot open the SQLite database ${path}: ${reason}. Set DATABASE_URL to a file: path in a folder this user may write (e.g. file:./data/delib.sqlite).`,
  );
}

/**
 * Why PostgreSQL could not be used, from the connection's or the server's error code. `url` is
 * DATABASE_URL parsed; only its host, port, user and database are named, never its password.
 */
export function postgresProblem(error: unknown, url: URL): ConfigError {
  const code = codeOf(error);
  const where = `${url.hostname}:${url.port || 5432}`;
  const user = decodeURIComponent(url.username) || 'the default user';
  const database = decodeURIComponent(url.pathname.slice(1)) || user;
  const message = String((error as Error)?.message ?? error);
  const said: Record<string, string> = {
    ECONNREFUSED: `PostgreSQL at ${where} refused the connection: start it, or correct the host and port in DATABASE_URL.`,
    ECONNRESET: `PostgreSQL at ${where} closed the connection: check that it runs and accepts this machine, or correct DATABASE_URL.`,
    ENOTFOUND: `The PostgreSQL host "${url.hostname}" is not known: correct the host in DATABASE_URL.`,
    EAI_AGAIN: `The PostgreSQL host "${url.hostname}" could not be looked up: check the network, or correct the host in DATABASE_URL.`,
    ETIMEDOUT: `PostgreSQL at ${where} did not answer: check that it runs and that this machine may reach it, or correct DATABASE_URL.`,
    EHOSTUNREACH: `PostgreSQL at ${where} cannot be reached from this machine: check the network, or correct the host in DATABASE_URL.`,
    ENETUNREACH: `PostgreSQL at ${where} cannot be reached from this machine: check the network, or correct the host in DATABASE_URL.`,
    '28P01': `PostgreSQL at ${where} refused the user name or password in DATABASE_URL (user "${user}"): correct them.`,
    '28000': `PostgreSQL at ${where} does not let user "${user}" connect from this machine (pg_hba.conf): allow it, or correct DATABASE_URL.`,
    '3D000': `PostgreSQL at ${where} has no database "${database}": create it, or correct the database name in DATABASE_URL.`,
    '42501': `The PostgreSQL user "${user}" may not create delib's tables in "${database}": grant it CREATE on the database or schema, or use another user in DATABASE_URL.`,
    '53300': `PostgreSQL at ${where} has no free connection: raise its max_connections, or run fewer servers against it.`,
    '57P03': `PostgreSQL at ${where} is starting up or shutting down: try again once it is running.`,
  };
  if (said[code]) return new ConfigError(said[code]);
  if (/timeout/i.test(message)) return new ConfigError(said.ETIMEDOUT);
  return new ConfigError(`PostgreSQL at ${where} could not be used (${message}): check it, or correct DATABASE_URL.`);
}

/** Why the server could not listen on `host`:`port`. */
export function listenProblem(error: unknown, host: string, port: number): ConfigError | undefined {
  switch (codeOf(error)) {
    case 'EADDRINUSE':
      return new ConfigError(`Port ${port} on ${host} is already in use: stop the program using it, or set PORT to a free port.`);
    case 'EACCES':
      return new ConfigError(`Port ${port} needs privileges this user does not have: set PORT to 1024 or above.`);
    case 'EADDRNOTAVAIL':
      return new ConfigError(
        `HOST ${host} is not an address of this machine: set HOST to one of its addresses, or to 0.0.0.0 for all.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConfigError(
        `HOST "${host}" is not a known name: set HOST to an address of this machine, or to 0.0.0.0 for all.`,
      );
    default:
      return undefined;
  }
}

/** The secrets the environment holds, so that no message can carry them out. */
export function secretsIn(env: NodeJS.ProcessEnv): string[] {
  const secrets = [env.DELIB_ADMIN_TOKEN, env.DELIB_ADMIN_PASSWORD];
  try {
    const password = new URL(env.DATABASE_URL ?? '').password;
    secrets.push(password, decodeURIComponent(password));
  } catch {
    // Not a URL: DATABASE_URL is then never quoted (see openStore).
  }
  return secrets.filter((secret): secret is string => !!secret && secret.length >= 3);
}

/** One line for the log: the problem's message, or any other error's, with secrets blanked out. */
export function oneLine(error: unknown, secrets: string[]): string {
  const text = error instanceof ConfigError ? error.message : `Could not start: ${(error as Error)?.message ?? String(error)}`;
  return secrets.reduce((line, secret) => line.split(secret).join('***'), text.replace(/\s*\n\s*/g, ' '));
}
