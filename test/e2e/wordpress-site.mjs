/**
 * A real WordPress for the plugin's end-to-end test, from Debian's packages (`wordpress`, `php-cli`,
 * `php-mysql`, `mariadb-server`, `wordpress-theme-twentytwentythree`; `.ci/run` installs them), all of it
 * in a temporary folder: a MariaDB of its own on a socket, a content folder with the theme and the
 * plugin unzipped from `packages/wordpress/dist/delib.zip`, and PHP's built-in server. Debian's
 * WordPress reads `/etc/wordpress/config-<name>.php`, chosen here by `$_SERVER['WORDPRESS_CONFIG']`
 * (set by a prepended file), so the test never touches a site configured on the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import { freePort, sleep, stopChild } from '../processes.mjs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { root } from './pages.mjs';

const wordpress = '/usr/share/wordpress';
const theme = '/var/lib/wordpress/wp-content/themes/twentytwentythree';
const binaries = ['/usr/bin/php', '/usr/sbin/mariadbd', '/usr/bin/mariadb-install-db', '/usr/bin/mariadb'];

/** What is missing for the test to run, or undefined. */
export function missingWordPress() {
  const missing = [wordpress, theme, ...binaries].filter((path) => !existsSync(path));
  if (!missing.length && !spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout.includes('mysqli')) missing.push('php-mysql');
  return missing.length ? `not installed: ${missing.join(', ')} (.ci/run installs them)` : undefined;
}

async function waitFor(check, what, timeout = 30_000) {
  const start = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Starts the site; `stop()` stops it and removes everything it made. */
export async function startWordPress() {
  const zip = join(root, 'packages', 'wordpress', 'dist', 'delib.zip');
  if (!existsSync(zip)) throw new Error(`${zip} is missing: run npm run build first`);
  const folder = mkdtempSync(join(tmpdir(), 'delib-wordpress-'));
  const name = `delib-e2e-${process.pid}`;
  const config = `/etc/wordpress/config-${name}.php`;
  const children = [];
  const logs = { mariadb: '', php: '' };
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    rmSync(config, { force: true });
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    // The database: a MariaDB of the test's own, on a socket, gone with the folder.
    const socket = join(folder, 'mariadb.sock');
    const install = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(folder, 'db')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        '--user=root',
      ],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
    const mariadb = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(folder, 'db')}`,
        `--socket=${socket}`,
        '--skip-networking',
        '--user=root',
        `--pid-file=${join(folder, 'mariadb.pid')}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(mariadb);
    mariadb.stderr.on('data', (chunk) => (logs.mariadb += chunk));
    await waitFor(async () => existsSync(socket), 'MariaDB to start');
    const sql = spawnSync(
      'mariadb',
      [
        '--no-defaults',
        `--socket=${socket}`,
        '-uroot',
        '-e',
        "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';",
      ],
      { encoding: 'utf8' },
    );
    if (sql.status !== 0) throw new Error(`could not create the database: ${sql.stderr}`);

    // The site's folder: WordPress's own files, with a content folder of the test's own.
    const site = join(folder, 'site');
    const content = join(site, 'wp-content');
    mkdirSync(join(content, 'plugins'), { recursive: true });
    mkdirSync(join(content, 'uploads'), { recursive: true });
    for (const entry of readdirSync(wordpress))
      if (entry !== 'wp-content') symlinkSync(join(wordpress, entry), join(site, entry));
    cpSync(theme, join(content, 'themes', 'twentytwentythree'), { recursive: true });
    // The plugin, as WordPress's upload would unpack it: the zip's one folder, `delib/`.
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      if (path.endsWith('/')) continue;
      const target = join(content, 'plugins', path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    mkdirSync('/etc/wordpress', { recursive: true });
    writeFileSync(
      config,
      `<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${socket}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${url}/wp-content');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_ENVIRONMENT_TYPE', 'local');
// As on a council's site where only administrators may post raw HTML: editors lack unfiltered_html.
define('DISALLOW_UNFILTERED_HTML', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
`,
    );
    const prepend = join(folder, 'prepend.php');
    writeFileSync(prepend, `<?php $_SERVER['WORDPRESS_CONFIG'] = '${name}';\n`);

    const php = spawn('php', ['-d', `auto_prepend_file=${prepend}`, '-S', `127.0.0.1:${port}`, '-t', site], {
      cwd: site,
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: the workers PHP forks hold its pipes, and must stop with it.
      detached: true,
    });
    children.push(php);
    php.stderr.on('data', (chunk) => (logs.php = (logs.php + chunk).slice(-20_000)));
    await waitFor(async () => (await fetch(`${url}/wp-admin/install.php`)).status < 500, 'PHP to serve WordPress');

    const admin = { user: 'admin', password: `admin-${process.pid}-Pw!` };
    const installed = await fetch(`${url}/wp-admin/install.php?step=2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        weblog_title: 'Cyngor Sir Enghraifft — Example Council',
        user_name: admin.user,
        admin_password: admin.password,
        admin_password2: admin.password,
        pw_weak: '1',
        admin_email: 'web@example.gov.uk',
        blog_public: '0',
      }),
    });
    const page = await installed.text();
    if (!page.includes('Success!')) throw new Error(`WordPress did not install: ${page.slice(0, 500)}`);

    /** Runs PHP inside the site (`wp-load.php` loaded) and returns what it printed. */
    const runPhp = (code) => {
      const script = join(folder, `script-${Date.now()}-${Math.random().toString(36).slice(2)}.php`);
      writeFileSync(
        script,
        `<?php
$_SERVER['WORDPRESS_CONFIG'] = '${name}';
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
require '${wordpress}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
${code}
`,
      );
      const result = spawnSync('php', [script], { encoding: 'utf8', cwd: site });
      rmSync(script, { force: true });
      if (result.status !== 0) throw new Error(`PHP failed: ${result.stderr}${result.stdout}`);
      return result.stdout;
    };

    return { url, admin, runPhp, logs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
