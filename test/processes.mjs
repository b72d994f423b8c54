/**
 * What the tests that start servers of their own (the endpoint, nginx, PHP, MariaDB) share: a free port,
 * a pause, and stopping a child with everything it started.
 */
import { createServer } from 'node:net';

/** A port on 127.0.0.1 that nothing listens on yet. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Stops a child and everything it started (a `detached` child leads its own process group): SIGTERM, then
 * SIGKILL after five seconds; resolves once it has exited. Its pipes are let go, so that nothing it left
 * keeps this process alive.
 */
export async function stopChild(child) {
  const signal = (name) => {
    try {
      process.kill(-child.pid, name); // the group, when the child leads one
    } catch {
      child.kill(name); // not a group: the child alone (a no-op once it has exited)
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    signal('SIGTERM');
    if (!(await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]))) {
      signal('SIGKILL');
      await exited;
    }
  }
  signal('SIGKILL'); // whatever the group still holds
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
}
