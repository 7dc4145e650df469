// Browser test of the Duplicates panel of the Links screen (#/links): the made-up case file of the
// CLI's dedupe test (tests/integration/ftm/names.ftm: one man written in Kyrgyz Cyrillic and in
// Latin, his phone written two ways), `ordo serve` with web/dist, Debian's chromium driven by
// playwright-core. An analyst draws the pair's neighbourhood on the link chart, finds the pair,
// merges it and sees the graph's entity count drop by one and the merged-away node leave the chart
// for the kept one (its links attached to it), then unmerges it and sees the node come back where
// it is linked; a viewer sees the candidates without a Merge button. Run with
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

// The chart's nodes and a node's neighbours, read from the Cytoscape instance the chart's element
// carries.
const chartNodes = (page) => page.locator('[data-testid="link-chart"]').evaluate((el) => el.cy.nodes().map((n) => n.id()).sort());
const neighbours = (page, id) => page.locator('[data-testid="link-chart"]').evaluate(
  (el, node) => el.cy.getElementById(node).neighborhood('node').map((n) => n.id()).sort(), id);
const waitForChart = (page, test, arg) => page.waitForFunction(test, arg, { polling: 100 });

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
      await page.goto(new URL('#/links?seed=p1&seed=p2', server.url).toString());
      const summary = page.locator('[data-testid="graph-summary"]');
      await summary.waitFor();
      assert.equal(plain(await summary.innerText()), `The database holds ${before.entities} entities and ${before.links} links.`);
      await page.locator('[data-testid="merges-none"]').waitFor();

      // The pair's neighbourhood on the chart: both expanded by one hop.
      for (const id of ['p1', 'p2']) {
        await page.locator(`[data-testid="chart-node"][data-id="${id}"] [data-testid="node-expand"]`).click();
        await page.locator(`[data-testid="chart-node"][data-id="${id}"] [data-testid="node-expand"]`).waitFor({ state: 'detached' });
      }
      await page.locator('[data-testid="chart-node"][data-id="p3"]').waitFor();
      await page.locator('[data-testid="chart-node"][data-id="o1"]').waitFor();
      const drawn = await chartNodes(page);
      assert.ok(drawn.includes('p1') && drawn.includes('p2') && drawn.includes('p3') && drawn.includes('o1'), `drawn: ${drawn}`);
      assert.deepEqual(await neighbours(page, 'p2'), ['p3', 'phone:+996555123456']);
      assert.equal(await page.locator('[data-testid="chart-node"]').count(), drawn.length);

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
      // The panel finds the pairs again after the screen has redrawn (views/duplicates.ts), so under
      // load its answer can come after the summary's: the old list goes when that search starts;
      // once it has answered, the pair must not be in the new one.
      const listed = '[data-testid="dupe-pair"][data-first="p1"][data-second="p2"]';
      await page.locator(listed).waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.querySelector('[data-testid="dupes-candidates"] .loading') === null);
      assert.equal(await page.locator(listed).count(), 0);
      assert.equal((await summaryOf(server, analyst.token)).entities, before.entities - 1);
      // The chart: p2 gave way to p1, which has p2's links (to p3 and to p2's phone); nothing else
      // left the chart, and no node is drawn twice.
      await waitForChart(page, (id) => document.querySelector('[data-testid="link-chart"]').cy.getElementById(id).length === 0, 'p2');
      const merged = await chartNodes(page);
      assert.deepEqual(merged, drawn.filter((id) => id !== 'p2'));
      assert.equal(merged.length, drawn.length - 1);
      assert.equal(await page.locator('[data-testid="chart-node"]').count(), drawn.length - 1);
      assert.equal(await page.locator('[data-testid="chart-node"][data-id="p2"]').count(), 0);
      const keptNeighbours = await neighbours(page, 'p1');
      for (const id of ['p3', 'phone:+996555123456', 'o1']) assert.ok(keptNeighbours.includes(id), `p1's neighbours: ${keptNeighbours}`);

      await page.locator('[data-testid="merge-undo"]').click();
      await page.locator('[data-testid="merge-item"][data-in-force="false"]').waitFor();
      await page.waitForFunction((text) => document.querySelector('[data-testid="graph-summary"]').textContent.trim() === text,
        `The database holds ${before.entities} entities and ${before.links} links.`);
      // The chart again: p2 is back, linked to p3 and its phone, and p1 no longer has its links.
      await waitForChart(page, (id) => document.querySelector('[data-testid="link-chart"]').cy.getElementById(id).length === 1, 'p2');
      await waitForChart(page, () => document.querySelector('[data-testid="link-chart"]').cy.getElementById('p2').neighborhood('node').length === 2);
      assert.deepEqual(await chartNodes(page), drawn);
      assert.equal(await page.locator('[data-testid="chart-node"]').count(), drawn.length);
      assert.deepEqual(await neighbours(page, 'p2'), ['p3', 'phone:+996555123456']);
      assert.ok(!(await neighbours(page, 'p1')).includes('p3'), 'p1 keeps none of p2\'s links');
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
