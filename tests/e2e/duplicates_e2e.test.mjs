// Browser test of the Duplicates panel of the Links screen (#/links): the made-up case file of the
// CLI's dedupe test (tests/integration/ftm/names.ftm: one man written in Kyrgyz Cyrillic and in
// Latin, his phone written two ways), `ordo serve` with web/dist, Debian's chromium driven by
// playwright-core. An analyst finds the pair, merges it and sees the graph's entity count drop by
// one, then unmerges it; a viewer sees the candidates without a Merge button. Run with
// `node --test tests/e2e/duplicates_e2e.test.mjs` (ctest: duplicates_e2e) after
// `cd web && npm run build`.
//   ORDO_BINARY     the ordo binary (default build/debug/ordo)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { authHeaders, launchBrowser, repoRoot, signInThroughForm, startServer, stopServer } from './browser.mjs';

const ordo = resolve(repoRoot, process.env.ORDO_BINARY || 'build/debug/ordo');
const webRoot = join(repoRoot, 'web', 'dist');
const names = join(repoRoot, 'tests', 'integration', 'ftm', 'names.ftm');
const password = 'e2e password that is long enough';

const plain = (text) => text.replace(/\s+/g, ' ').trim();

function addUser(db, name, role) {
  execFileSync(ordo, ['--db', db, 'user', 'add', name, '--role', role, '--compartment', 'general'],
    { input: `${password}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
  const token = execFileSync(ordo, ['--db', db, 'user', 'token', name], { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  return { account: name, password, token };
}

async function summaryOf(server, token) {
  const response = await fetch(new URL('api/v1/graph/summary', server.url), { headers: authHeaders(token) });
  assert.equal(response.status, 200);
  return response.json();
}

test('the Duplicates panel: an analyst merges a pair and the count drops by one; a viewer only reads', { timeout: 280_000 }, async (t) => {
  assert.ok(existsSync(ordo), `no ordo binary at ${ordo} (set ORDO_BINARY)`);
  assert.ok(existsSync(join(webRoot, 'index.html')), `no ${webRoot}/index.html: run "cd web && npm ci && npm run build" (or make web)`);

  const scratch = mkdtempSync(join(tmpdir(), 'ordo-e2e-dupes-'));
  const db = join(scratch, 'dupes.db');
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    const run = (args) => execFileSync(ordo, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    run(['--db', db, 'init']);
    run(['--db', db, 'import', 'ftm', names, '--source', 'made-up test case', '--synthetic']);
    const analyst = addUser(db, 'ana', 'analyst');
    const viewer = addUser(db, 'vic', 'viewer');
    server = await startServer(ordo, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--web-root', webRoot]);
    browser = await launchBrowser();
    const before = await summaryOf(server, analyst.token);

    await t.test('an analyst merges the man written in two scripts; the summary drops by one', async () => {
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.setDefaultTimeout(30_000);
      await signInThroughForm(page, server.url, analyst);
      await page.goto(new URL('#/links', server.url).toString());
      const summary = page.locator('[data-testid="graph-summary"]');
      await summary.waitFor();
      assert.equal(plain(await summary.innerText()), `The database holds ${before.entities} entities and ${before.links} links.`);
      await page.locator('[data-testid="merges-none"]').waitFor();

      await page.locator('[data-testid="dupes-min-score"]').fill('0.5');
      await page.locator('[data-testid="dupes-find"]').click();
      const pair = page.locator('[data-testid="dupe-pair"][data-first="p1"][data-second="p2"]');
      await pair.waitFor();
      assert.equal(plain(await pair.locator('[data-testid="dupe-score"]').innerText()), 'score 1.00');
      assert.match(plain(await pair.locator('[data-testid="dupe-explanation"]').innerText()),
        /^surname Садыров ~ Sadyrov via ru-Latin \(same after romanisation\); given name Өмүрбек ~ Omurbek/);

      await pair.locator('[data-testid="dupe-merge"]').click();
      await page.locator('[data-testid="merge-item"][data-in-force="true"]').waitFor();
      await page.waitForFunction((text) => document.querySelector('[data-testid="graph-summary"]').textContent.trim() === text,
        `The database holds ${before.entities - 1} entities and ${before.links} links.`);
      assert.equal(plain(await page.locator('[data-testid="merge-item"]').innerText()).startsWith('p2 read as p1 by ana, '), true);
      assert.equal(await page.locator('[data-testid="dupe-pair"][data-first="p1"][data-second="p2"]').count(), 0);
      assert.equal((await summaryOf(server, analyst.token)).entities, before.entities - 1);

      await page.locator('[data-testid="merge-undo"]').click();
      await page.locator('[data-testid="merge-item"][data-in-force="false"]').waitFor();
      await page.waitForFunction((text) => document.querySelector('[data-testid="graph-summary"]').textContent.trim() === text,
        `The database holds ${before.entities} entities and ${before.links} links.`);
      await page.close();
    });

    await t.test('a viewer sees the candidates and the merges, with no button to change them', async () => {
      const page = await browser.context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.setDefaultTimeout(30_000);
      await browser.context.clearCookies();  // the analyst's session
      await signInThroughForm(page, server.url, viewer);
      await page.goto(new URL('#/links', server.url).toString());
      await page.locator('[data-testid="merge-item"][data-in-force="false"]').waitFor();
      await page.locator('[data-testid="dupes-find"]').click();
      await page.locator('[data-testid="dupe-pair"]').first().waitFor();
      await page.locator('[data-testid="dupes-viewer"]').waitFor();
      assert.equal(await page.locator('[data-testid="dupe-merge"]').count(), 0);
      assert.equal(await page.locator('[data-testid="merge-undo"]').count(), 0);
      await page.close();
    });

    assert.deepEqual(pageErrors, []);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server.child);
    rmSync(scratch, { recursive: true, force: true });
  }
});
