// Shared by the browser test and the screenshot script: Debian's chromium through playwright-core
// (resolved from web/node_modules, never downloaded), and the `ordo serve` process.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromWeb = createRequire(join(repoRoot, 'web', 'package.json'));

export function loadPlaywright() {
  try {
    return requireFromWeb('playwright-core');
  } catch (error) {
    throw new Error(`playwright-core not found in web/node_modules; run "cd web && npm ci" first (${error.message})`);
  }
}

export const CHROMIUM = process.env.ORDO_CHROMIUM || '/usr/bin/chromium';

// A fresh profile per run; the caller removes it with close().
export async function launchBrowser() {
  const { chromium } = loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'ordo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Runs `ordo ... serve --listen 127.0.0.1:0 --web-root DIR` and resolves with its URL, read from the
// line "Ordo is serving http://127.0.0.1:PORT/ ...", and, on a database without accounts, the
// one-time sign-in link it prints right after (signinLink; null when there is none).
export function startServer(ordo, args, { timeoutMs = 60000, linkWaitMs = 3000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(ordo, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let resolved = false;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`ordo serve printed no URL within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /Ordo is serving (http:\/\/[^\s]+)/.exec(stdout);
      if (match && !resolved) {
        resolved = true;
        clearTimeout(timer);
        const url = match[1].endsWith('/') ? match[1] : `${match[1]}/`;
        const started = Date.now();
        const waitForLink = () => {
          const link = /(http:\/\/[^\s]+\?signin=[A-Za-z0-9_-]+)/.exec(stdout);
          if (link || Date.now() - started > linkWaitMs) {
            resolvePromise({ url, signinLink: link ? link[1] : null, child, output: () => ({ stdout, stderr }) });
          } else {
            setTimeout(waitForLink, 20);
          }
        };
        waitForLink();
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (resolved) return;
      reject(new Error(`ordo serve exited (${code ?? signal}) before serving\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

// SIGTERM, then SIGKILL if the server has not stopped after a grace period.
export function stopServer(child, graceMs = 10000) {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolvePromise(child.exitCode);
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
    child.kill('SIGTERM');
  });
}

// The server asks who is asking (docs/accounts.md). Adds the admin account `name` with a password to
// the database and makes it an API token; returns { account, password, token } (the token for the
// tests' own requests: `authHeaders(token)`).
export function addAccount(ordo, db, name = 'e2e') {
  const password = 'e2e password that is long enough';
  execFileSync(ordo, ['--db', db, 'user', 'add', name, '--role', 'admin'], { input: `${password}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
  const token = execFileSync(ordo, ['--db', db, 'user', 'token', name], { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  return { account: name, password, token };
}

export function authHeaders(token) {
  return { Authorization: `Bearer ${token}` };
}

// Opens `url` (the sign-in screen comes first) and signs in through the form.
export async function signInThroughForm(page, url, { account, password }) {
  await page.goto(url);
  await page.locator('[data-testid="signin-account"]').fill(account);
  await page.locator('[data-testid="signin-password"]').fill(password);
  await page.locator('[data-testid="signin-submit"]').click();
  await page.locator('[data-testid="signed-in-as"]').waitFor();
}
