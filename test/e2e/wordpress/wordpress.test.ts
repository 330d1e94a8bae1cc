// End-to-end: the WordPress plugin (packages/wordpress) in a real WordPress, from Debian's packages
// (`wordpress`, `php-cli`, `php-mysql`, `mariadb-server`; .ci/run installs them). In a temporary
// folder: a fresh MariaDB (its own data directory and socket, no network), a copy of Debian's
// WordPress with its own wp-config.php, installed by a PHP script that calls wp_install() (no WP-CLI
// in Debian), the plugin as `npm run build:wordpress` makes it, an author (role author, so no
// unfiltered_html), and posts published as that author. PHP's built-in server serves it; the demo
// issuer serves the catalog feed; Chromium (puppeteer-core) opens the posts.
// Where the Debian packages are missing, the suite says so and is counted skipped — never silently.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { startIssuer } from '../../../demo/server/issuer.js';
import type { RunningIssuer } from '../../../demo/server/issuer.js';

/** Chromium's path and flags (scripts/chrome.mjs, untyped). */
const { chromeArgs, chromePath } = (await import('../../../scripts/chrome.mjs' as string)) as {
  chromeArgs(): string[];
  chromePath(): string;
};
/** The plugin build (scripts/build-wordpress.mjs, untyped): the plugin's zip, as `npm run build:wordpress -- --zip` makes it. */
const { packWordpress } = (await import('../../../scripts/build-wordpress.mjs' as string)) as {
  packWordpress(file: string): number;
};

const PLUGIN = 'packages/wordpress';
const WORDPRESS = '/usr/share/wordpress';
const DEBIAN_PACKAGES = 'php-cli php-mysql mariadb-server wordpress';
const RESULTS = '.test-results/wordpress';
/** This folder: the PHP scripts that install WordPress, publish the posts and render shortcodes. */
const HERE = 'test/e2e/wordpress';

/** A program on the PATH (or in /usr/sbin, where Debian puts mariadbd). */
function which(program: string): string | undefined {
  for (const dir of [...(process.env['PATH'] ?? '').split(':'), '/usr/sbin', '/usr/local/sbin'])
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  return undefined;
}

const php = which('php');
const mariadbd = which('mariadbd') ?? which('mysqld');
const installDb = which('mariadb-install-db') ?? which('mysql_install_db');
/** What this machine lacks for the WordPress suite, in words (empty when it can run). */
const missing: string[] = [];
if (!php) missing.push('php (Debian package php-cli)');
else if (!/^mysqli$/m.test(spawnSync(php, ['-m'], { encoding: 'utf8' }).stdout ?? ''))
  missing.push("PHP's mysqli extension (php-mysql)");
if (!mariadbd || !installDb) missing.push('MariaDB (mariadb-server)');
if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) missing.push(`WordPress in ${WORDPRESS} (wordpress)`);
else if (!readdirSync(join(WORDPRESS, 'wp-content/themes')).length)
  missing.push('a WordPress theme (wordpress-theme-twentytwentythree, which `wordpress` recommends)');
if (missing.length)
  console.log(
    `\n⚠ WordPress e2e SKIPPED: this machine lacks ${missing.join(', ')}.\n` +
      `  Install Debian's packages to run it: apt-get install -y ${DEBIAN_PACKAGES} (.ci/run does).\n`,
  );

describe('the plugin’s PHP', () => {
  it('php -l: every plugin file parses', { skip: php ? false : 'php is not installed (php-cli)' }, () => {
    const files = (readdirSync(PLUGIN, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.php') && !f.startsWith('dist/'),
    );
    assert.ok(files.length >= 8, files.join(' '));
    const broken = files.flatMap((f) => {
      const r = spawnSync(php!, ['-l', join(PLUGIN, f)], { encoding: 'utf8' });
      return r.status === 0 ? [] : [`${f}: ${r.stdout}${r.stderr}`.trim()];
    });
    assert.deepEqual(broken, []);
  });
});

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts a server process and resolves once its output says it is ready (rejects if it exits first). */
function startProcess(
  cmd: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // Its own process group, so stopping it also stops the workers PHP's server forks.
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const listen = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) resolve(child);
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`${cmd} exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

/** Stops a process we started, and waits until it has gone. */
function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/** Runs a PHP file in the test WordPress and returns what it printed as JSON. */
function phpJson(file: string, env: Record<string, string> = {}): Record<string, unknown> {
  const out = execFileSync(php!, [file], { encoding: 'utf8', env: { ...process.env, ...env } });
  return JSON.parse(out.slice(out.indexOf('{'))) as Record<string, unknown>;
}

describe('the plugin in WordPress (Debian packages, MariaDB, PHP’s server, Chromium)', () => {
  if (missing.length) {
    // One test that says what is missing, counted skipped by the gate.
    it(`WordPress e2e`, { skip: `Debian packages missing: ${missing.join(', ')}` }, () => {});
    return;
  }

  const started = performance.now();
  let dir = '';
  let db: ChildProcess | undefined;
  let web: ChildProcess | undefined;
  let issuer: RunningIssuer;
  let browser: Browser;
  let site = '';
  let posts: Record<string, number> = {};
  let setup: Record<string, unknown> = {};
  let phpEnv: Record<string, string> = {};
  const authorPassword = randomBytes(12).toString('base64url');
  const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mc-wordpress-'));
    const socket = join(dir, 'mysqld.sock');
    const root = process.getuid?.() === 0 ? ['--user=root'] : [];
    // [MariaDB] A database of its own: data directory, socket, no TCP port.
    const [port, issuerStarted] = await Promise.all([
      freePort(),
      startIssuer({ port: 0, dataDir: join(dir, 'issuer'), reset: true }),
      (async () => {
        execFileSync(
          installDb!,
          [
            '--no-defaults',
            `--datadir=${join(dir, 'db')}`,
            '--auth-root-authentication-method=normal',
            '--skip-test-db',
            ...root,
          ],
          { stdio: 'ignore' },
        );
        db = await startProcess(
          mariadbd!,
          [
            '--no-defaults',
            `--datadir=${join(dir, 'db')}`,
            `--socket=${socket}`,
            '--skip-networking',
            `--pid-file=${join(dir, 'mysqld.pid')}`,
            '--skip-log-bin',
            '--innodb-buffer-pool-size=32M',
            ...root,
          ],
          /ready for connections/,
        );
      })(),
      // [WordPress] Debian's copy, with our own wp-config.php (Debian's reads /etc/wordpress/).
      (async () => {
        // Debian links some of WordPress's scripts to its own packages (wp-includes/js/underscore.js →
        // ../../../javascript/underscore/…); cpSync makes such relative links absolute, so they still resolve.
        cpSync(WORDPRESS, join(dir, 'wp'), { recursive: true });
        // [Plugin] The zip a site owner uploads; install.php unpacks it as Upload Plugin does.
        packWordpress(join(dir, 'microcred.zip'));
      })(),
    ]);
    issuer = issuerStarted;
    site = `http://127.0.0.1:${port}`;
    const q = (s: string): string => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    writeFileSync(
      join(dir, 'wp/wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', ${q(`localhost:${socket}`)} );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $k ) define( $k, ${q(dir)} . $k );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${q(join(dir, 'debug.log'))} );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) define( 'ABSPATH', __DIR__ . '/' );
require_once ABSPATH . 'wp-settings.php';
`,
    );
    // The test's own site settings (a must-use plugin, not part of Microcred): the demo issuer of this
    // run (a free port, not 8787) as an oEmbed provider, through the plugin's filter for site owners.
    mkdirSync(join(dir, 'wp/wp-content/mu-plugins'));
    writeFileSync(
      join(dir, 'wp/wp-content/mu-plugins/test-site.php'),
      `<?php
add_filter( 'microcred_oembed_providers', function ( $providers ) {
	foreach ( array( '/credentials/*', '/examples/*', '/achievements*' ) as $path ) {
		$providers[ ${q(issuer.url)} . $path ] = ${q(`${issuer.url}/oembed`)};
	}
	return $providers;
} );
`,
    );
    const env = {
      MC_WP: join(dir, 'wp'),
      MC_SITE: site,
      MC_DB_SOCKET: socket,
      MC_ISSUER: issuer.url,
      MC_AUTHOR_PASSWORD: authorPassword,
      MC_PLUGIN_ZIP: join(dir, 'microcred.zip'),
    };
    phpEnv = env;
    setup = { ...phpJson(join(HERE, 'install.php'), env), ...phpJson(join(HERE, 'posts.php'), env) };
    posts = setup['posts'] as Record<string, number>;
    web = await startProcess(
      php!,
      ['-S', `127.0.0.1:${port}`, '-t', join(dir, 'wp'), join(HERE, 'router.php')],
      /started/,
      {
        ...process.env,
        PHP_CLI_SERVER_WORKERS: '4',
      },
    );
    browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs() });
    console.log(
      `  WordPress, MariaDB, the plugin and Chromium ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  after(async () => {
    await browser?.close();
    await Promise.all([stop(web), stop(db), issuer?.close()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
    console.log(`  WordPress suite: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  });

  it('installs WordPress, activates the plugin, and the author has no unfiltered_html', () => {
    assert.equal(setup['activated'], true, String(setup['activateError']));
    assert.equal(setup['authorRole'], 'author');
    assert.equal(setup['authorUnfilteredHtml'], false);
    // The reason the plugin exists: the author's own <script> is removed when the post is saved.
    assert.ok(!String(setup['scriptPostContent']).includes('<script'), String(setup['scriptPostContent']));
    assert.equal(
      setup['wordpress'],
      readFileSync(join(WORDPRESS, 'wp-includes/version.php'), 'utf8').match(/\$wp_version = '([^']+)'/)?.[1],
    );
  });

  it('the shortcode (English): the catalog renders every entry of the feed, no console errors, axe clean', async () => {
    const feed = (await (await fetch(`${issuer.url}/achievements`)).json()) as {
      achievements: { name: string }[];
    };
    const { page, problems, requests } = await open(`/?p=${posts['shortcode']}`);
    const names = await catalogNames(page, feed.achievements.length);
    assert.deepEqual([...names].sort(), feed.achievements.map((a) => a.name).sort());
    assert.equal(await page.$eval('mc-catalog', (c) => c.closest('[lang]')?.getAttribute('lang')), 'en');
    // Served by the plugin itself: every script of the catalog comes from the WordPress site.
    const scripts = requests.filter((u) => /\.m?js(\?|$)/.test(u) && u.includes('/microcred/'));
    assert.ok(scripts.length > 1, scripts.join('\n'));
    assert.ok(
      scripts.every((u) => u.startsWith(`${site}/wp-content/plugins/microcred/dist/`)),
      scripts.join('\n'),
    );
    assert.equal(
      await page.$eval('script[src*="/plugins/microcred/dist/elements/mc-catalog.js"]', (s) =>
        s.getAttribute('type'),
      ),
      'module',
    );
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'shortcode-en.png'), fullPage: true });
    await (await page.$('.microcred-embed'))!.screenshot({ path: join(RESULTS, 'shortcode-en-embed.png') });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the block (Spanish): the catalog renders every entry of the Spanish feed, in Spanish, no console errors, axe clean', async () => {
    const feed = (await (await fetch(`${issuer.url}/achievements?lang=es`)).json()) as {
      achievements: { name: string }[];
    };
    const { page, problems } = await open(`/?p=${posts['block']}`);
    const names = await catalogNames(page, feed.achievements.length);
    assert.deepEqual([...names].sort(), feed.achievements.map((a) => a.name).sort());
    assert.equal(await page.$eval('mc-catalog', (c) => c.getAttribute('lang')), 'es');
    // The catalog's own words (its search field's label) are Spanish.
    const label = await page.$eval(
      'mc-catalog',
      (c) => c.shadowRoot?.querySelector('[part=toolbar]')?.textContent ?? '',
    );
    assert.match(label, /Buscar/i);
    assert.equal(await page.$$eval('.wp-block-microcred-embed', (els) => els.length), 1);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'block-es.png'), fullPage: true });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the verify shortcode: a credential card with its verify button, both scripts from the plugin, axe clean', async () => {
    const { page, problems, requests } = await open(`/?p=${posts['verify']}`);
    await page.waitForFunction(
      () =>
        ['loaded', 'error'].includes(
          (document.querySelector('mc-credential-card') as Element & { state?: string })?.state ?? '',
        ),
      { timeout: 30_000 },
    );
    const card = await page.$eval('mc-credential-card', (c) => ({
      state: (c as Element & { state?: string }).state,
      name: c.shadowRoot?.querySelector('h1,h2,h3,h4,h5,h6')?.textContent?.trim(),
      button: !!customElements.get('mc-verify-button') && c.querySelector('mc-verify-button')?.slot,
    }));
    const credential = (await (await fetch(`${issuer.url}/examples/valid`)).json()) as {
      name?: string;
      credentialSubject?: { achievement?: { name?: string } };
    };
    assert.deepEqual(card, {
      state: 'loaded',
      name: credential.credentialSubject?.achievement?.name ?? credential.name,
      button: 'status',
    });
    for (const file of ['mc-credential-card.js', 'mc-verify-button.js'])
      assert.ok(
        requests.some((u) => u.startsWith(`${site}/wp-content/plugins/microcred/dist/elements/${file}`)),
        file,
      );
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the block editor (plain JavaScript, no build): the author edits the block in her language, Spanish', async () => {
    // Signed in in a context of its own: the other tests are visitors.
    const context = await browser.createBrowserContext();
    const { page, problems } = await open('/wp-login.php', context);
    // The fields are filled, not typed: wp-login.php moves the focus to (and selects) the user name
    // 200 ms after it loads, which would take keystrokes meant for the password.
    await page.$eval('#user_login', (el, v) => ((el as HTMLInputElement).value = v), 'author');
    await page.$eval('#user_pass', (el, v) => ((el as HTMLInputElement).value = v), authorPassword);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#wp-submit')]);
    await page.goto(`${site}/wp-admin/post.php?post=${posts['block']}&action=edit`, { waitUntil: 'load' });
    const placeholder = '.wp-block-microcred-embed .components-placeholder';
    await page.waitForSelector(placeholder, { timeout: 30_000 }).catch(async (error: unknown) => {
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: join(RESULTS, 'editor-failed.png') });
      throw new Error(
        `no Microcred block in the editor at ${page.url()} (${await page.title()}); problems: ${problems.join(' | ')}`,
        { cause: error },
      );
    });
    const shown = await page.$eval(placeholder, (p) => ({
      text: p.textContent ?? '',
      element: p.querySelector('select')?.value,
      src: p.querySelector('input')?.value,
      labels: [...p.querySelectorAll('label')].map((l) => l.textContent),
    }));
    assert.match(
      shown.text,
      /Catálogo de microcredenciales, que se muestra en vivo en la página publicada\./,
    );
    assert.deepEqual(shown.labels, ['Mostrar', 'Dirección (URL)']);
    assert.equal(shown.element, 'catalog');
    assert.equal(shown.src, `${issuer.url}/achievements?lang=es`);
    // Choosing a verify card offers the card's variant in the block's settings sidebar (opened, and
    // the first-visit welcome guide closed, through the editor's own data stores).
    await page.select(`${placeholder} select`, 'verify');
    await page.evaluate(() => {
      type Store = Record<string, (...args: unknown[]) => unknown>;
      const { data } = (
        window as unknown as { wp: { data: { select(s: string): Store; dispatch(s: string): Store } } }
      ).wp;
      if (data.select('core/edit-post')['isFeatureActive']!('welcomeGuide'))
        data.dispatch('core/edit-post')['toggleFeature']!('welcomeGuide');
      const [block] = data.select('core/block-editor')['getBlocks']!() as { clientId: string }[];
      data.dispatch('core/block-editor')['selectBlock']!(block!.clientId);
      data.dispatch('core/edit-post')['openGeneralSidebar']!('edit-post/block');
    });
    const sidebar = await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.block-editor-block-inspector label')]
          .map((l) => l.textContent)
          .join('|'),
      { timeout: 15_000 },
    );
    const labels = String(await sidebar.jsonValue());
    assert.ok(labels.includes('Variante') && labels.includes('Idioma'), labels);
    const attributes = await page.evaluate(() => {
      const wp = (
        window as unknown as {
          wp: {
            data: {
              select(s: string): { getBlocks(): { name: string; attributes: Record<string, string> }[] };
            };
          };
        }
      ).wp;
      return wp.data
        .select('core/block-editor')
        .getBlocks()
        .map((b) => [b.name, b.attributes['element']]);
    });
    assert.deepEqual(attributes, [['microcred/embed', 'verify']]);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'editor-es.png') });
    // WordPress 6.1's post editor also asks for the theme's template (for its template preview), which
    // an author may not read: a 403 from core's REST API (and Chromium's line about it), whenever the
    // request happens to finish while the page is open. Nothing else is allowed.
    const coreTemplate = /\/wp\/v2\/templates\//;
    const forbiddenTemplate = problems.some(
      (p) => p.startsWith('HTTP 403:') && coreTemplate.test(decodeURIComponent(p)),
    );
    assert.deepEqual(
      problems.filter(
        (p) =>
          !(p.startsWith('HTTP 403:') && coreTemplate.test(decodeURIComponent(p))) &&
          !(
            forbiddenTemplate &&
            p ===
              'console.error: Failed to load resource: the server responded with a status of 403 (Forbidden)'
          ),
      ),
      [],
    );
    await context.close();
  });

  it('a post without an embed loads none of the plugin’s scripts', async () => {
    const { page, problems, requests } = await open(`/?p=${posts['plain']}`);
    const html = await page.content();
    assert.ok(!html.includes('/plugins/microcred/'), 'the page names a plugin file');
    assert.deepEqual(
      requests.filter((u) => u.includes('/plugins/microcred/')),
      [],
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('hostile options are refused or escaped: visitors see nothing, authors see why (in English and Spanish)', () => {
    const en = phpJson(join(HERE, 'render.php'), phpEnv);
    const es = phpJson(join(HERE, 'render.php'), { ...phpEnv, MC_LOCALE: 'es_MX' });
    const visitor = en['visitor'] as Record<string, string>;
    const author = en['author'] as Record<string, string>;
    // Refused: nothing at all for visitors.
    for (const name of [
      'javascript',
      'data',
      'relative',
      'quote',
      'userinfo',
      'element',
      'lang',
      'variant',
      'option',
      'missing',
    ])
      assert.equal(visitor[name], '', `${name}: ${visitor[name]}`);
    // …and the reason for people who can edit, in the site's language.
    assert.match(
      author['javascript']!,
      /must be a complete address that starts with https:\/\/ or http:\/\//,
    );
    assert.match(author['element']!, /is not something Microcred can show/);
    assert.match(author['variant']!, /only a card, verify or tracker/);
    assert.match((es['author'] as Record<string, string>)['javascript']!, /debe ser una dirección completa/);
    assert.match((es['author'] as Record<string, string>)['element']!, /Microcred no puede mostrar «iframe»/);
    // Accepted values with markup in them are escaped attribute values, never markup.
    assert.match(
      visitor['label']!,
      /<mc-badge-wallet src="[^"]+" heading-level="2" label="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;">/,
    );
    assert.match(visitor['ampersand']!, /<mc-catalog src="[^"]*\?lang=es&#038;x=1"/);
    for (const [name, html] of Object.entries(visitor)) {
      assert.ok(!/<script|javascript:|onerror|onmouseover/i.test(html), `${name}: ${html}`);
    }
    // Each element becomes its tag, with the verify button inside a verify card.
    assert.match(
      visitor['verify']!,
      /<mc-credential-card src="[^"]+" variant="compact" heading-level="2"><mc-verify-button slot="status"><\/mc-verify-button><a href=/,
    );
    assert.match(
      visitor['tracker']!,
      /<mc-progress-tracker src="[^"]+" lang="es" heading-level="2" records-src="[^"]+">/,
    );
    // Headings sit under the post's title (h1) unless the author says otherwise.
    assert.match(visitor['card']!, /<mc-credential-card src="[^"]+" heading-level="4">/);
    assert.match(visitor['grouped']!, /<mc-badge-wallet src="[^"]+" heading-level="3" group-by="issuer">/);
    assert.deepEqual(en['queued'], [
      'microcred-badge-wallet',
      'microcred-catalog',
      'microcred-credential-card',
      'microcred-progress-tracker',
      'microcred-verify-button',
    ]);
  });

  it('oEmbed: a credential address pasted on its own line becomes the demo issuer’s verify frame', async () => {
    const credential = `${issuer.url}/examples/valid`;
    const { page, problems } = await open(`/?p=${posts['oembed']}`);
    // WordPress asked the issuer's /oembed (a local address on its own port: allowed for exactly the
    // endpoints a site owner names) and put the issuer's iframe in the post, as the issuer wrote it.
    const frames = await page.$$eval('iframe', (els) => els.map((f) => ({ src: f.src, title: f.title })));
    assert.equal(frames.length, 1, JSON.stringify(frames));
    const src = new URL(frames[0]!.src);
    assert.equal(`${src.origin}${src.pathname}`, `${issuer.url}/embed/frame.html`);
    assert.equal(src.searchParams.get('element'), 'verify');
    assert.equal(src.searchParams.get('src'), credential);
    assert.ok(frames[0]!.title, 'the iframe has a title');
    // The frame shows the credential's card.
    const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
    await frame.waitForFunction(
      () =>
        (document.querySelector('mc-credential-card') as (Element & { state?: string }) | null)?.state ===
        'loaded',
      { timeout: 30_000 },
    );
    // The plugin fits the frame to its content (the frame's mc-frame-size message): nothing is cut
    // off and the frame does not scroll.
    await page.waitForFunction(
      () => {
        const iframe = document.querySelector('iframe[data-microcred-frame]') as HTMLIFrameElement | null;
        return !!iframe && iframe.style.height !== '';
      },
      { timeout: 15_000 },
    );
    await frame.waitForFunction(() => document.documentElement.scrollHeight <= innerHeight + 1, {
      timeout: 15_000,
    });
    assert.ok(
      await page.$eval('script[src*="/plugins/microcred/js/frame-size.js"]', () => true),
      'the frame-size script is on the page',
    );
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'oembed-en.png'), fullPage: true });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('oEmbed: the demo issuer is a provider, and a site owner adds theirs with the filter', () => {
    const en = phpJson(join(HERE, 'render.php'), phpEnv);
    const providers = en['providers'] as Record<string, string | false>;
    assert.equal(providers['http://localhost:8787/credentials/abc'], 'http://localhost:8787/oembed');
    assert.equal(providers['http://localhost:8787/achievements?lang=es'], 'http://localhost:8787/oembed');
    assert.equal(providers['http://localhost:8787/examples/valid'], 'http://localhost:8787/oembed');
    assert.equal(providers['http://127.0.0.1:8787/credentials/abc'], 'http://127.0.0.1:8787/oembed');
    assert.equal(providers[`${issuer.url}/credentials/abc`], `${issuer.url}/oembed`);
    assert.equal(providers['https://evil.example/credentials/abc'], false);
  });

  it('PHP logged no notice, warning or error from the plugin', () => {
    const log = existsSync(join(dir, 'debug.log')) ? readFileSync(join(dir, 'debug.log'), 'utf8') : '';
    assert.deepEqual(
      log.split('\n').filter((l) => l.includes('plugins/microcred/')),
      [],
    );
  });

  /** A page that records console errors, page errors, failed requests and every request's URL. */
  async function open(
    path: string,
    context: Pick<Browser, 'newPage'> = browser,
  ): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const page = await context.newPage();
    await page.setViewport({ width: 1024, height: 800 });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e instanceof Error ? e.message : String(e)}`));
    page.on('requestfailed', (r) => {
      // Core reads fetched bodies as streams (to cap their size); Chromium reports a finished stream as aborted.
      if (r.resourceType() === 'fetch' && r.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`a dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${site}${path}`, { waitUntil: 'load' });
    return { page, problems, requests };
  }

  /** Waits until the catalog shows `count` loaded cards; returns their names. */
  async function catalogNames(page: Page, count: number): Promise<string[]> {
    await page.waitForFunction(
      (n: number) => {
        const cards = [
          ...(document.querySelector('mc-catalog')?.shadowRoot?.querySelectorAll('mc-credential-card') ?? []),
        ] as (Element & {
          state?: string;
        })[];
        return cards.length >= n && cards.every((c) => c.state === 'loaded');
      },
      { timeout: 30_000 },
      count,
    );
    await page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 });
    return page.$$eval('mc-catalog', ([catalog]) =>
      [...(catalog?.shadowRoot?.querySelectorAll('mc-credential-card') ?? [])].map(
        (c) => c.shadowRoot?.querySelector('h1,h2,h3,h4,h5,h6')?.textContent?.trim() ?? '',
      ),
    );
  }

  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const w = window as unknown as {
        axe: {
          run(
            ctx: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }>;
        };
      };
      // Everything but WordPress's own "Skip to content" link, which WordPress 6.1 puts before the
      // block theme's landmarks (axe's best-practice `region` rule); it is not the plugin's markup.
      const r = await w.axe.run({ exclude: [['.skip-link']] }, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);
    });
  }
});
