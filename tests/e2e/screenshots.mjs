// Screenshots of every screen in English and Kyrgyz, for a person to look at:
//   node tests/e2e/screenshots.mjs [BASE_URL] [OUT_DIR]
// Without BASE_URL it starts `ordo serve` on a fresh database (ORDO_BINARY, default
// build/debug/ordo) with web/dist and signs in with the one-time link it prints; with BASE_URL,
// set ORDO_SIGNIN_LINK to a sign-in link of that server. OUT_DIR defaults to
// $ORDO_BUILD_DIR/e2e/screens.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchBrowser, repoRoot, startServer, stopServer } from './browser.mjs';

const SCREENS = [
  ['overview', '#/'],
  ['country-TUR', '#/country/TUR'],
  ['country-CHN', '#/country/CHN'],
  ['country-BRB', '#/country/BRB'],
  ['organizations', '#/organizations'],
  ['organization-CSTO', '#/organizations/CSTO'],
  ['trade', '#/trade'],
  ['drugs', '#/drugs'],
  ['links', '#/links'],
  ['not-found', '#/nowhere'],
  ['trade-unknown-reporter', '#/trade?year=2018&reporter=Nobody'],
];
const LANGS = (process.env.SCREEN_LANGS || 'en,ky').split(',');

const buildDir = resolve(repoRoot, process.env.ORDO_BUILD_DIR || 'build/debug');
const outDir = resolve(process.argv[3] || join(buildDir, 'e2e', 'screens'));
mkdirSync(outDir, { recursive: true });

let base = process.argv[2];
let server = null;
let scratch = null;
if (!base) {
  const ordo = resolve(repoRoot, process.env.ORDO_BINARY || 'build/debug/ordo');
  scratch = mkdtempSync(join(tmpdir(), 'ordo-screens-'));
  const db = join(scratch, 'screens.db');
  execFileSync(ordo, ['--db', db, 'init'], { stdio: 'inherit' });
  server = await startServer(ordo, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--web-root', join(repoRoot, 'web', 'dist')]);
  base = server.url;
}
let signinLink = server?.signinLink ?? process.env.ORDO_SIGNIN_LINK ?? null;

const browser = await launchBrowser();
try {
  const page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  // The server answers only a signed-in page: its one-time link (or $ORDO_SIGNIN_LINK for a given URL).
  if (signinLink) await page.goto(signinLink);
  for (const lang of LANGS) {
    for (const [name, hash] of SCREENS) {
      await page.goto(`${base}?lang=${lang}${hash}`);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 30000 }).catch(() => {});
      await page.waitForTimeout(300);
      const file = join(outDir, `${name}-${lang}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
  }
} finally {
  await browser.close();
  if (server) await stopServer(server.child);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
