// Browser test of the Links screen (#/links): a database with a small made-up investigation
// imported from an FtM entity stream (`ordo import ftm --synthetic`, written below), `ordo serve`
// with web/dist, Debian's chromium driven by playwright-core. Run with
// `node --test tests/e2e/links_e2e.test.mjs` (ctest: links_e2e) after `cd web && npm run build`.
//   ORDO_BINARY     the ordo binary (default build/debug/ordo)
//   ORDO_BUILD_DIR  where the screenshot goes: <dir>/e2e/links.png (default build/debug)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { addAccount, authHeaders, launchBrowser, repoRoot, signInThroughForm, startServer, stopServer } from './browser.mjs';

const ordo = resolve(repoRoot, process.env.ORDO_BINARY || 'build/debug/ordo');
const buildDir = resolve(repoRoot, process.env.ORDO_BUILD_DIR || 'build/debug');
const webRoot = join(repoRoot, 'web', 'dist');
const screenshot = join(buildDir, 'e2e', 'links.png');

const plain = (text) => text.replace(/\s+/g, ' ').trim();

// The investigation: a chain Asan - Бакыт - Nurlan - Aigul - Ak-Jol Logistics - Truck whose links
// have dates (two calls, a directorship of 2019-2020, an ownership from 2022, a family link without
// dates), and an organiser with 30 couriers, more links than the chart follows at once (20).
const COURIERS = 30;
function investigation() {
  const rows = [
    { id: 'p1', schema: 'Person', properties: { name: ['Asan Sadyrov'], phone: ['+996 555 12-34-56'] } },
    { id: 'p2', schema: 'Person', properties: { name: ['Бакыт Осмонов'] } },
    { id: 'p3', schema: 'Person', properties: { name: ['Nurlan Toktogulov'] } },
    { id: 'p4', schema: 'Person', properties: { name: ['Aigul Bekova'] } },
    { id: 'o1', schema: 'Company', properties: { name: ['Ak-Jol Logistics'] } },
    { id: 'v1', schema: 'Vehicle', properties: { name: ['Truck'], registrationNumber: ['01 KG 123 ABC'] } },
    { id: 'boss', schema: 'Person', properties: { name: ['Organiser Kadyrov'] } },
    { id: 'call1', schema: 'Call', properties: { caller: ['p1'], receiver: ['p2'], date: ['2021-03-05'] } },
    { id: 'call2', schema: 'Call', properties: { caller: ['p2'], receiver: ['p3'], date: ['2023-08-10'] } },
    { id: 'fam1', schema: 'Family', properties: { person: ['p3'], relative: ['p4'], relationship: ['sister'] } },
    { id: 'dir1', schema: 'Directorship', properties: { director: ['p4'], organization: ['o1'], startDate: ['2019-01-01'], endDate: ['2020-12-31'] } },
    { id: 'own1', schema: 'Ownership', properties: { owner: ['o1'], asset: ['v1'], startDate: ['2022'] } },
    { id: 'assoc0', schema: 'Associate', properties: { person: ['boss'], associate: ['p1'] } },
  ];
  for (let i = 1; i <= COURIERS; i += 1) {
    const n = String(i).padStart(2, '0');
    rows.push({ id: `c${n}`, schema: 'Person', properties: { name: [`Courier ${n}`] } });
    rows.push({ id: `assoc${n}`, schema: 'Associate', properties: { person: ['boss'], associate: [`c${n}`] } });
  }
  return `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

// With the test account's API token: the server answers nobody else.
async function apiJson(server, path, init = {}) {
  const response = await fetch(new URL(`api/v1/${path}`, server.url), { ...init, headers: { ...authHeaders(server.account.token), ...(init.headers ?? {}) } });
  return { status: response.status, body: response.ok ? await response.json() : null };
}

// The chart's nodes, read from the Cytoscape instance the chart's element carries.
const chartNodes = (page) => page.locator('[data-testid="link-chart"]').evaluate((el) => el.cy.nodes().map((n) => n.id()).sort());
const edgeClasses = (page, id) => page.locator('[data-testid="link-chart"]').evaluate((el, edge) => el.cy.getElementById(`link:${edge}`).classes(), id);

// Clicks a node where it is drawn on the canvas (with Shift when asked).
async function clickNode(page, id, modifiers = []) {
  const chart = page.locator('[data-testid="link-chart"]');
  const position = await chart.evaluate((el, node) => {
    el.cy.center(el.cy.getElementById(node));
    return el.cy.getElementById(node).renderedPosition();
  }, id);
  await chart.click({ position, modifiers });
}

async function saveDownload(page, testId, dir) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: readFileSync(file), size: statSync(file).size };
}

test('the Links screen: search, expand, path, jobs, time slider, export, three languages', { timeout: 280_000 }, async (t) => {
  assert.ok(existsSync(ordo), `no ordo binary at ${ordo} (set ORDO_BINARY)`);
  assert.ok(existsSync(join(webRoot, 'index.html')), `no ${webRoot}/index.html: run "cd web && npm ci && npm run build" (or make web)`);

  const scratch = mkdtempSync(join(tmpdir(), 'ordo-e2e-links-'));
  const db = join(scratch, 'links.db');
  const ftm = join(scratch, 'investigation.ftm');
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    writeFileSync(ftm, investigation());
    const run = (args) => execFileSync(ordo, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    run(['--db', db, 'init']);
    run(['--db', db, 'import', 'ftm', ftm, '--source', 'https://example.org/made-up-case', '--case', 'CASE-7', '--synthetic']);
    const account = addAccount(ordo, db);
    server = await startServer(ordo, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--web-root', webRoot]);
    server.account = account;
    assert.equal(server.signinLink, null, 'no sign-in link once an account exists');
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(30_000);
    const foreign = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
    });
    // The graph routes come with issue #5's API work, the jobs possibly after the read routes: a
    // server without them gets its 404 reported as the reason the steps are skipped.
    const summary = await apiJson(server, 'graph/summary');
    assert.ok(summary.status === 200 || summary.status === 404, `GET /api/v1/graph/summary: ${summary.status}`);
    const skip = summary.status === 200 ? false : 'GET /api/v1/graph/summary is not served yet (404)';
    const jobsProbe = await fetch(new URL('api/v1/graph/jobs', server.url), { method: 'POST', headers: authHeaders(account.token), body: '{"kind":"no-such-kind"}' });
    const jobsServed = !skip && jobsProbe.status !== 404 && jobsProbe.status !== 405;

    await t.test('the screen opens from the navigation with the graph\'s counts', { skip }, async () => {
      await signInThroughForm(page, server.url, account);
      await page.locator('[data-testid="nav-links"]').click();
      await page.waitForURL(/#\/links$/);
      assert.equal(plain(await page.locator('[data-testid="page-title"]').innerText()), 'Link chart');
      assert.equal(plain(await page.locator('[data-testid="graph-summary"]').innerText()),
        `The database holds ${summary.body.entities} entities and ${summary.body.links} links.`);
      await page.locator('[data-testid="chart-empty"]').waitFor();
      assert.equal((await page.locator('[data-testid="type-legend"] li').allInnerTexts()).map(plain)[0], 'Person');
    });

    await t.test('a search finds the entity, it goes on the chart and its details say synthetic', { skip }, async () => {
      await page.locator('[data-testid="links-search"]').fill('Sadyrov');
      await page.locator('[data-testid="links-search"]').press('Enter');
      const result = page.locator('[data-testid="search-result"]', { hasText: 'Asan Sadyrov' });
      await result.waitFor();
      await result.locator('[data-testid="search-add"]').click();
      await page.locator('[data-testid="chart-node"][data-id="p1"]').waitFor();
      assert.deepEqual(await chartNodes(page), ['p1']);
      await page.locator('[data-testid="details-name"]', { hasText: 'Asan Sadyrov' }).waitFor();
      await page.locator('[data-testid="details-synthetic"]').waitFor();
      const fields = plain(await page.locator('[data-testid="details-fields"]').innerText());
      assert.match(fields, /https:\/\/example\.org\/made-up-case/);
      assert.match(fields, /CASE-7/);
      assert.match(plain(await page.locator('[data-testid="synthetic-banner"]').innerText()), /^SYNTHETIC /);
    });

    await t.test('a click on the node expands it by one hop, as the API answers', { skip }, async () => {
      const expected = await apiJson(server, 'graph/expand?seed=p1&hops=1&cap=20&offset=0&limit=200');
      assert.equal(expected.status, 200);
      await clickNode(page, 'p1');
      await page.locator('[data-testid="chart-node"][data-id="p2"]').waitFor();
      const ids = expected.body.nodes.map((n) => n.id).sort();
      assert.ok(ids.includes('p2') && ids.includes('boss'), `expand p1: ${ids}`);
      assert.deepEqual(await chartNodes(page), ids);
      assert.equal(await page.locator('[data-testid="chart-node"]').count(), ids.length);
    });

    await t.test('a node with more links than the cap says "and M more" and pages on', { skip }, async () => {
      await page.locator('[data-testid="chart-node"][data-id="boss"] [data-testid="node-expand"]').click();
      const more = page.locator('[data-testid="chart-node"][data-id="boss"] [data-testid="node-more"]');
      await more.waitFor();
      const answer = await apiJson(server, 'graph/expand?seed=boss&hops=1&cap=20&offset=0&limit=200');
      const hidden = answer.body.hidden.find((h) => h.id === 'boss');
      assert.ok(hidden && hidden.more > 0, 'the organiser is capped');
      assert.equal(plain(await more.innerText()), `and ${hidden.more} more`);
      const label = await page.locator('[data-testid="link-chart"]').evaluate((el) => el.cy.getElementById('boss').data('label'));
      assert.match(label, new RegExp(`and ${hidden.more} more`));
      await more.click();
      await page.locator('[data-testid="chart-node"][data-id="boss"] [data-testid="node-more"]').waitFor({ state: 'detached' });
      for (let i = 1; i <= COURIERS; i += 1) assert.ok((await chartNodes(page)).includes(`c${String(i).padStart(2, '0')}`));
    });

    await t.test('two picked nodes light up the shortest path, which brings its missing entities', { skip }, async () => {
      await page.locator('[data-testid="links-search"]').fill('Truck');
      await page.locator('[data-testid="links-search-submit"]').click();
      await page.locator('[data-testid="search-result"]', { hasText: 'Truck' }).locator('[data-testid="search-add"]').click();
      await page.locator('[data-testid="chart-node"][data-id="v1"]').waitFor();
      await clickNode(page, 'p1', ['Shift']);
      await page.locator('[data-testid="chart-node"][data-id="v1"] [data-testid="node-pick"]').click();
      assert.equal(plain(await page.locator('[data-testid="path-picked"]').innerText()), 'Picked: Asan Sadyrov → Truck');
      await page.locator('[data-testid="path-find"]').click();
      await page.locator('[data-testid="path-result"]').waitFor();
      assert.equal(plain(await page.locator('[data-testid="path-result"]').innerText()), 'Shortest paths: 1; links in each: 5.');
      for (const id of ['p3', 'p4', 'o1']) await page.locator(`[data-testid="chart-node"][data-id="${id}"]`).waitFor();
      const lit = await page.locator('[data-testid="link-chart"]').evaluate((el) => el.cy.$('node.path').map((n) => n.id()).sort());
      assert.deepEqual(lit, ['o1', 'p1', 'p2', 'p3', 'p4', 'v1']);
      assert.ok((await edgeClasses(page, 'dir1')).includes('path'));
      assert.ok(!(await edgeClasses(page, 'assoc0')).includes('path'));
    });

    await t.test('the time slider hides the links not valid on its day, from the keyboard too', { skip }, async () => {
      await page.locator('[data-testid="time-on"]').check();
      const slider = page.locator('[data-testid="time-slider"]');
      // Home: the first day of the links' dates, the directorship's start.
      await slider.focus();
      await page.keyboard.press('Home');
      assert.equal(plain(await page.locator('[data-testid="time-day"]').innerText()), '2019-01-01');
      assert.ok(!(await edgeClasses(page, 'dir1')).includes('time-hidden'));
      assert.ok((await edgeClasses(page, 'call1')).includes('time-hidden'));
      // The day of the first call: the directorship ended, the ownership and the second call are to come.
      await slider.evaluate((el) => {
        el.value = String(Date.UTC(2021, 2, 5) / 86_400_000);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      assert.equal(plain(await page.locator('[data-testid="time-day"]').innerText()), '2021-03-05');
      for (const id of ['dir1', 'own1', 'call2']) assert.ok((await edgeClasses(page, id)).includes('time-hidden'), `${id} hidden`);
      for (const id of ['call1', 'fam1', 'assoc0']) assert.ok(!(await edgeClasses(page, id)).includes('time-hidden'), `${id} shown`);
      assert.match(plain(await page.locator('[data-testid="time-note"]').innerText()), /^Hidden links: 3 \(not valid on 2021-03-05\)/);
      await page.locator('[data-testid="time-on"]').uncheck();
      assert.ok(!(await edgeClasses(page, 'dir1')).includes('time-hidden'));
    });

    await t.test('Size by centrality runs a PageRank job with a progress bar, then sizes the nodes', { skip: jobsServed ? false : skip || 'the jobs routes (/api/v1/graph/jobs) are not served yet' }, async () => {
      await page.locator('[data-testid="job-pagerank"]').click();
      await page.locator('[data-testid="job-progress"]').waitFor();
      await page.locator('[data-testid="job-state"]', { hasText: 'PageRank: done' }).waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('[data-testid="job-progress"]').evaluate((el) => el.value), 1);
      assert.equal(await page.locator('[data-testid="job-cancel"]').count(), 0, 'no Cancel once the job is done');
      await page.locator('[data-testid="sized-note"]').waitFor();
      const sizes = await page.locator('[data-testid="link-chart"]').evaluate((el) => Object.fromEntries(el.cy.nodes().map((n) => [n.id(), n.data('size')])));
      assert.ok(sizes.boss > sizes.c01, `the organiser is drawn larger than a courier: ${sizes.boss} vs ${sizes.c01}`);
      await page.locator('[data-testid="job-communities"]').click();
      await page.locator('[data-testid="job-state"]', { hasText: 'Communities: done' }).waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="coloured-note"]').waitFor();
    });

    await t.test('the chart exports as PNG, SVG and JSON files', { skip }, async () => {
      const png = await saveDownload(page, 'export-png', scratch);
      assert.equal(png.name, 'ordo-links.png');
      assert.ok(png.size > 1000, `PNG of ${png.size} bytes`);
      assert.deepEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
      const svg = await saveDownload(page, 'export-svg', scratch);
      const svgText = svg.bytes.toString('utf8');
      assert.match(svgText, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svgText, /Бакыт Осмонов/);
      assert.match(svgText, />SYNTHETIC: /);
      const json = JSON.parse((await saveDownload(page, 'export-json', scratch)).bytes.toString('utf8'));
      assert.equal(json.nodes.length, await page.locator('[data-testid="chart-node"]').count());
      assert.ok(json.links.some((l) => l.id === 'dir1' && l.start === '2019-01-01' && l.end === '2020-12-31'));
      mkdirSync(join(buildDir, 'e2e'), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
    });

    await t.test('in Russian and Kyrgyz the screen speaks the language', { skip }, async () => {
      await page.locator('[data-testid="lang-ru"]').click();
      await page.locator('[data-testid="nav-links"]', { hasText: 'Связи' }).waitFor();
      await page.locator('[data-testid="page-title"]', { hasText: 'Схема связей' }).waitFor();
      assert.equal(plain(await page.locator('[data-testid="job-pagerank"]').innerText()), 'Размер по центральности');
      await page.locator('[data-testid="lang-ky"]').click();
      await page.locator('[data-testid="nav-links"]', { hasText: 'Байланыштар' }).waitFor();
      assert.equal(plain(await page.locator('[data-testid="page-title"]').innerText()), 'Байланыштар схемасы');
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'ky');
      assert.equal((await page.locator('[data-testid="type-legend"] li').allInnerTexts()).map(plain)[0], 'Адам');
      await page.locator('[data-testid="links-search"]').fill('Осмонов');
      await page.locator('[data-testid="links-search"]').press('Enter');
      await page.locator('[data-testid="search-result"]', { hasText: 'Бакыт Осмонов' }).locator('[data-testid="search-add"]').click();
      await page.locator('[data-testid="details-fields"]', { hasText: 'Идентификатор' }).waitFor();
      assert.match(plain(await page.locator('[data-testid="details-synthetic"]').innerText()), /СИНТЕТИКАЛЫК/);
    });

    await t.test('an API error reaches the reader', { skip }, async () => {
      await page.goto(`${server.url}?lang=en#/links?seed=no-such-entity`);
      await page.locator('[data-testid="links-status"] [data-testid="error"]').waitFor();
      assert.match(plain(await page.locator('[data-testid="links-status"] [data-testid="error"]').innerText()), /HTTP status 404/);
    });

    assert.deepEqual(foreign, [], 'requests outside the Ordo server');
    assert.deepEqual(pageErrors, [], 'errors in the page');
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server.child);
    rmSync(scratch, { recursive: true, force: true });
  }
});
