// Browser test of the web application: a fresh database, `ordo serve` with web/dist, Debian's
// chromium driven by playwright-core. Run with `node --test tests/e2e/web_e2e.test.mjs` (ctest:
// web_e2e) after `cd web && npm ci && npm run build`.
//   ORDO_BINARY     the ordo binary (default build/debug/ordo)
//   ORDO_BUILD_DIR  where the screenshot goes: <dir>/e2e/turkey-ky.png (default build/debug)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { launchBrowser, repoRoot, startServer, stopServer } from './browser.mjs';

const ordo = resolve(repoRoot, process.env.ORDO_BINARY || 'build/debug/ordo');
const buildDir = resolve(repoRoot, process.env.ORDO_BUILD_DIR || 'build/debug');
const webRoot = join(repoRoot, 'web', 'dist');
const screenshot = join(buildDir, 'e2e', 'turkey-ky.png');

// The Turkey 2019 turnover row of the bundled data, read from the CSV itself (not from the API).
function turkey2019Total() {
  const lines = readFileSync(join(repoRoot, 'data', 'trade.csv'), 'utf8').split(/\r?\n/);
  const line = lines.find((l) => l.startsWith('TUR,2019,total,'));
  assert.ok(line, 'data/trade.csv has the Turkey 2019 total');
  const [, , , value, sourceUrl] = line.split(',');
  return { value: Number(value), sourceUrl };
}

// Text as a reader sees it: every kind of space (no-break, thin) as a plain space.
const plain = (text) => text.replace(/\s+/g, ' ').trim();

test('the web application shows the registry, in Kyrgyz too', { timeout: 240_000 }, async (t) => {
  assert.ok(existsSync(ordo), `no ordo binary at ${ordo} (set ORDO_BINARY)`);
  assert.ok(existsSync(join(webRoot, 'index.html')), `no ${webRoot}/index.html: run "cd web && npm ci && npm run build" (or make web)`);
  const expected = turkey2019Total();
  assert.equal(expected.value, 519000000);

  const scratch = mkdtempSync(join(tmpdir(), 'ordo-e2e-'));
  const db = join(scratch, 'e2e.db');
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    execFileSync(ordo, ['--db', db, 'init'], { stdio: ['ignore', 'pipe', 'pipe'] });
    server = await startServer(ordo, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--web-root', webRoot]);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(30_000);
    // Nothing may come from anywhere but the Ordo server: the application is offline.
    const foreign = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) foreign.push(request.url());
    });

    await t.test('the one-time sign-in link signs the local administrator in, once', async () => {
      assert.ok(server.signinLink, `ordo serve printed no sign-in link: ${server.output().stdout}`);
      await page.goto(server.signinLink);
      await page.locator('[data-testid="signed-in-as"]').waitFor();
      assert.equal(plain(await page.locator('[data-testid="signed-in-as"]').innerText()), 'Signed in as local-admin');
      assert.equal(new URL(page.url()).searchParams.get('signin'), null, 'the token left the address');
      // Used once.
      const reuse = await fetch(new URL('api/v1/session', server.url), {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ signin: new URL(server.signinLink).searchParams.get('signin') }),
      });
      assert.equal(reuse.status, 401);
      // Without the session cookie the API answers nothing but 401.
      assert.equal((await fetch(new URL('api/v1/summary', server.url))).status, 401);
    });

    await t.test('the overview has a map of country shapes and the counts', async () => {
      await page.goto(server.url);
      const shapes = page.locator('[data-testid="world-map"] [data-testid="map-country"]');
      await shapes.first().waitFor();
      assert.ok(await shapes.count() > 150, `map shapes: ${await shapes.count()}`);
      const colored = await page.locator('[data-testid="world-map"] a [data-testid="map-country"]').count();
      assert.ok(colored > 150, `linked shapes: ${colored}`);

      // The page's own session (its cookie) reads the API for the test too.
      const summary = await (await page.request.get(new URL('api/v1/summary', server.url).href)).json();
      assert.equal(summary.relations, 185);
      const count = async (key) => plain(await page.locator(`[data-testid="count-${key}"] dd`).innerText());
      await page.locator('[data-testid="count-relations"] dd').waitFor();
      assert.equal(await count('relations'), '185');
      assert.equal(await count('memberships'), String(summary.memberships));
      assert.equal(await count('drug-facts'), String(summary.drug_facts));
      assert.equal(await count('un-members'), `${summary.un_members_with_relations} of ${summary.un_members}`);
    });

    await t.test('the language switch turns the interface into Kyrgyz and puts lang=ky in the address', async () => {
      await page.locator('[data-testid="lang-ky"]').click();
      await page.locator('[data-testid="nav-trade"]', { hasText: 'Соода' }).waitFor();
      assert.equal(plain(await page.locator('h1').first().innerText()), 'Кыргызстандын тышкы байланыштары');
      assert.equal(await page.locator('html').getAttribute('lang'), 'ky');
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'ky');
      await page.locator('[data-testid="count-un-members"] dd', { hasText: 'ичинен' }).waitFor();
    });

    await t.test("Turkey's profile, opened from the map, shows Түркия and the 2019 trade with its source", async () => {
      await page.locator('[data-testid="world-map"] [data-testid="map-country"][data-iso3="TUR"]').click();
      await page.waitForURL(/#\/country\/TUR$/);
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'ky');
      const name = page.locator('[data-testid="country-name"]');
      await name.waitFor();
      assert.equal(plain(await name.innerText()), 'Түркия');

      const figure = page.locator('[data-testid="trade-value"]', { hasText: /519\s000\s000/ });
      await figure.waitFor();
      assert.equal(await figure.count(), 1);
      assert.equal(await figure.getAttribute('href'), expected.sourceUrl);
      const row = page.locator('[data-testid="trade-row"][data-year="2019"][data-flow="total"]');
      assert.match(plain(await row.innerText()), /Жалпы соода жүгүртүүсү/);

      mkdirSync(join(buildDir, 'e2e'), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
      assert.ok(existsSync(screenshot));
    });

    await t.test('an unknown country gives a readable message, not a blank page', async () => {
      await page.goto(`${server.url}?lang=en#/country/ZZZ`);
      const error = page.locator('[data-testid="error"]');
      await error.waitFor();
      assert.match(plain(await error.innerText()), /404/);
    });

    await t.test('signing out shows the sign-in screen; the used link says it is spent', async () => {
      await page.goto(`${server.url}?lang=en#/`);
      await page.locator('[data-testid="sign-out"]').click();
      await page.locator('[data-testid="signin-form"]').waitFor();
      assert.equal((await page.request.get(new URL('api/v1/summary', server.url).href)).status(), 401);
      await page.goto(server.signinLink);
      await page.locator('[data-testid="signin-form"]').waitFor();
      assert.match(plain(await page.locator('[data-testid="signin-status"]').innerText()), /already used or has expired/);
    });

    assert.deepEqual(foreign, [], 'requests outside the Ordo server');
    assert.deepEqual(pageErrors, [], 'errors in the page');
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server.child);
    rmSync(scratch, { recursive: true, force: true });
  }
});
