// Shared by the browser test and the screenshot script: Debian's chromium through playwright-core
// (resolved from web/node_modules, never downloaded), and the `ordo serve` process.
import { spawn } from 'node:child_process';
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
// line "Ordo is serving http://127.0.0.1:PORT/ ...".
export function startServer(ordo, args, { timeoutMs = 60000 } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(ordo, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`ordo serve printed no URL within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /Ordo is serving (http:\/\/[^\s]+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1].endsWith('/') ? match[1] : `${match[1]}/`, child, output: () => ({ stdout, stderr }) });
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
