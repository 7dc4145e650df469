// Browser test of the markings the web app shows (docs/compartments.md, "The web app"): a database
// with a small made-up investigation of which one person and one link are secret and a secret
// made-up seizure, `ordo serve` with web/dist, Debian's chromium driven by playwright-core. The
// link chart's banner says the highest marking of what it draws as the chart grows and shrinks;
// its SVG, PNG and JSON exports carry it; the seizure map's banner says its records' marking. Run
// with `node --test tests/e2e/markings_e2e.test.mjs` (ctest: markings_e2e) after
// `cd web && npm run build`.
//   ORDO_BINARY     the ordo binary (default build/debug/ordo)
//   ORDO_BUILD_DIR  where the screenshot goes: <dir>/e2e/markings.png (default build/debug)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { addAccount, launchBrowser, repoRoot, signInThroughForm, startServer, stopServer } from './browser.mjs';

const ordo = resolve(repoRoot, process.env.ORDO_BINARY || 'build/debug/ordo');
const buildDir = resolve(repoRoot, process.env.ORDO_BUILD_DIR || 'build/debug');
const webRoot = join(repoRoot, 'web', 'dist');

const plain = (text) => text.replace(/\s+/g, ' ').trim();
const lines = (rows) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

// Unmarked: Asan and Bakyt and their call. Secret: Chyngyz and his association with Bakyt.
const OPEN = [
  { id: 'p1', schema: 'Person', properties: { name: ['Asan Sadyrov'] } },
  { id: 'p2', schema: 'Person', properties: { name: ['Bakyt Osmonov'] } },
  { id: 'call1', schema: 'Call', properties: { caller: ['p1'], receiver: ['p2'], date: ['2021-03-05'] } },
];
const SECRET = [
  { id: 's1', schema: 'Person', properties: { name: ['Chyngyz Secretov'] } },
  { id: 'assoc1', schema: 'Associate', properties: { person: ['s1'], associate: ['p2'] } },
];
const SEIZURES = 'seizure_id,date,place,lat,lon,country_iso3,drug,quantity,unit,synthetic,source,case_id\n'
  + 'S-M1,2024-03-01,Osh,40.51,72.80,KGZ,heroin,2,kg,true,,CASE-M\n'
  + 'S-M2,2024-04-01,Bishkek,42.87,74.59,KGZ,heroin,3,kg,true,,CASE-M\n';

const banner = (page) => page.locator('[data-testid="marking-banner"]');

async function saveDownload(page, testId, dir) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return readFileSync(file);
}

test('markings: the chart banner follows what is drawn, exports carry it, the map says it', { timeout: 200_000 }, async (t) => {
  assert.ok(existsSync(ordo), `no ordo binary at ${ordo} (set ORDO_BINARY)`);
  assert.ok(existsSync(join(webRoot, 'index.html')), `no ${webRoot}/index.html: run "cd web && npm ci && npm run build" (or make web)`);

  const scratch = mkdtempSync(join(tmpdir(), 'ordo-e2e-markings-'));
  const db = join(scratch, 'markings.db');
  let server = null;
  let browser = null;
  const pageErrors = [];
  try {
    writeFileSync(join(scratch, 'open.ftm'), lines(OPEN));
    writeFileSync(join(scratch, 'secret.ftm'), lines(SECRET));
    writeFileSync(join(scratch, 'seizures.csv'), SEIZURES);
    const run = (args) => execFileSync(ordo, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    run(['--db', db, 'init']);
    const common = ['--source', 'https://example.org/made-up-case', '--case', 'CASE-M', '--compartment', 'case-m', '--synthetic'];
    run(['--db', db, 'import', 'ftm', join(scratch, 'open.ftm'), ...common, '--marking', 'unmarked']);
    run(['--db', db, 'import', 'ftm', join(scratch, 'secret.ftm'), ...common, '--marking', 'secret']);
    run(['--db', db, 'seizures', 'import', join(scratch, 'seizures.csv'), '--compartment', 'case-m', '--marking', 'secret']);
    const account = addAccount(ordo, db);
    server = await startServer(ordo, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--web-root', webRoot]);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(30_000);
    await signInThroughForm(page, server.url, account);

    await t.test('an unmarked chart says so, and says secret once a secret entity is drawn', async () => {
      await page.goto(`${server.url}?lang=en#/links?seed=p1`);
      await page.locator('[data-testid="chart-node"][data-id="p1"]').waitFor();
      await page.locator('[data-testid="marking-banner"][data-marking="unmarked"]').waitFor();
      assert.equal(plain(await banner(page).innerText()), 'Highest marking of what the chart shows: UNMARKED');
      await page.locator('[data-testid="chart-node"][data-id="p1"] [data-testid="node-expand"]').click();
      await page.locator('[data-testid="chart-node"][data-id="p2"]').waitFor();
      assert.equal(await banner(page).getAttribute('data-marking'), 'unmarked');
      await page.locator('[data-testid="chart-node"][data-id="p2"] [data-testid="node-expand"]').click();
      await page.locator('[data-testid="chart-node"][data-id="s1"]').waitFor();
      await page.locator('[data-testid="marking-banner"][data-marking="secret"]').waitFor();
      assert.equal(plain(await banner(page).innerText()), 'Highest marking of what the chart shows: SECRET');
      await page.locator('[data-testid="chart-node"][data-id="s1"] [data-testid="node-select"]').click();
      await page.locator('[data-testid="details-marking"][data-marking="secret"]').waitFor();
      mkdirSync(join(buildDir, 'e2e'), { recursive: true });
      await page.screenshot({ path: join(buildDir, 'e2e', 'markings.png'), fullPage: true });
    });

    await t.test('the SVG, PNG and JSON exports carry the marking', async () => {
      const svg = (await saveDownload(page, 'export-svg', scratch)).toString('utf8');
      const banners = [...svg.matchAll(/<g class="marking-banner" data-marking="([a-z-]+)" data-position="(top|bottom)">/g)];
      assert.deepEqual(banners.map((m) => [m[1], m[2]]), [['secret', 'top'], ['secret', 'bottom']]);
      assert.equal(svg.match(/>Marking: SECRET<\/text>/g)?.length, 2, 'the banner text, top and bottom');
      assert.match(svg, /Chyngyz Secretov/);
      const png = await saveDownload(page, 'export-png', scratch);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      // The banner's colour (secret: #b00020) across the top and the bottom rows of the image.
      const corners = await page.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const g = canvas.getContext('2d');
        g.drawImage(image, 0, 0);
        const at = (x, y) => [...g.getImageData(x, y, 1, 1).data.slice(0, 3)];
        return { top: at(3, 3), bottom: at(3, image.height - 3), middle: at(3, Math.floor(image.height / 2)) };
      }, png.toString('base64'));
      assert.deepEqual(corners.top, [0xb0, 0x00, 0x20], 'top banner');
      assert.deepEqual(corners.bottom, [0xb0, 0x00, 0x20], 'bottom banner');
      assert.notDeepEqual(corners.middle, [0xb0, 0x00, 0x20], 'the drawing between them');
      const json = JSON.parse((await saveDownload(page, 'export-json', scratch)).toString('utf8'));
      assert.equal(json.marking, 'secret');
      assert.equal(json.nodes.find((n) => n.id === 's1').marking, 'secret');
      assert.equal(json.nodes.find((n) => n.id === 'p1').marking, 'unmarked');
      assert.equal(json.links.find((l) => l.id === 'assoc1').marking, 'secret');
    });

    await t.test('removing the secret entity lowers the banner again', async () => {
      await page.locator('[data-testid="chart-node"][data-id="s1"] [data-testid="node-remove"]').click();
      await page.locator('[data-testid="marking-banner"][data-marking="unmarked"]').waitFor();
      const svg = (await saveDownload(page, 'export-svg', scratch)).toString('utf8');
      assert.equal(svg.match(/data-marking="unmarked"/g)?.length, 2);
      assert.doesNotMatch(svg, /Chyngyz/);
    });

    await t.test('the banner speaks Russian and Kyrgyz with the marking labels of docs/compartments.md', async () => {
      await page.goto(`${server.url}?lang=ru#/links?seed=s1`);
      await page.locator('[data-testid="marking-banner"][data-marking="secret"]').waitFor();
      assert.equal(plain(await banner(page).innerText()), 'Высший гриф того, что показано на схеме: СЕКРЕТНО');
      await page.goto(`${server.url}?lang=ky#/links?seed=s1`);
      await page.locator('[data-testid="marking-banner"][data-marking="secret"]').waitFor();
      assert.match(plain(await banner(page).innerText()), /ЖАШЫРУУН$/);
    });

    await t.test('the seizure map says the marking of its records', async () => {
      await page.goto(`${server.url}?lang=en#/seizures?synthetic=true`);
      const mapBanner = page.locator('[data-testid="map-marking-banner"]');
      await mapBanner.waitFor();
      assert.equal(await mapBanner.getAttribute('data-marking'), 'secret');
      assert.equal(plain(await mapBanner.innerText()), 'Highest marking of the seizure records on this map: SECRET');
      const point = page.locator('[data-testid="seizure-map"] [data-testid="seizure-point"]').first();
      await point.waitFor();
      assert.equal(await point.getAttribute('data-marking'), 'secret');
      assert.match(await point.locator('title').textContent(), /Marking: secret/);
    });

    assert.deepEqual(pageErrors, [], 'errors in the page');
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server.child);
    rmSync(scratch, { recursive: true, force: true });
  }
});
