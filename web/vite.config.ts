/// <reference types="vitest/config" />
// Vite builds web/dist, the static files `ordo serve --web-root web/dist` serves.
//
// `npm run dev` answers /api/v1 from test-fixtures/ (real rows, see its README), or forwards to a
// running server when ORDO_API is set: `ORDO_API=http://127.0.0.1:8080 npm run dev`.
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const fixturesDir = join(import.meta.dirname, 'test-fixtures');

function sendJson(res: ServerResponse, status: number, body: string, type = 'application/json') {
  res.statusCode = status;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.end(body);
}

// Picks the most specific fixture: route.lang.param, route.param, route.lang, route.
function fixtureFor(url: URL): string | null {
  const route = url.pathname.replace(/^\/api\/v1\//, '').replace(/\/$/, '');
  const lang = url.searchParams.get('lang') ?? 'en';
  const extra = url.searchParams.get('year') ?? url.searchParams.get('flow') ?? '';
  const candidates = [
    extra && `${route}.${lang}.${extra}`,
    extra && `${route}.${extra}`,
    `${route}.${lang}`,
    `${route}.en`,
    route,
  ].filter(Boolean) as string[];
  for (const name of candidates) {
    const file = join(fixturesDir, `${name}.json`);
    if (file.startsWith(fixturesDir) && existsSync(file)) return file;
  }
  return null;
}

function fixtureApi(): Plugin {
  return {
    name: 'ordo-fixture-api',
    configureServer(server) {
      server.middlewares.use('/api/v1', (req: IncomingMessage, res: ServerResponse) => {
        const url = new URL(`/api/v1${req.url ?? '/'}`, 'http://localhost');
        const file = fixtureFor(url);
        if (file === null) {
          const problem = {
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            detail: `no fixture for ${url.pathname}${url.search}`,
          };
          sendJson(res, 404, JSON.stringify(problem), 'application/problem+json');
          return;
        }
        sendJson(res, 200, readFileSync(file, 'utf8'));
      });
    },
  };
}

const apiTarget = process.env.ORDO_API;

export default defineConfig({
  base: './',
  plugins: apiTarget ? [] : [fixtureApi()],
  server: apiTarget ? { proxy: { '/api': { target: apiTarget, changeOrigin: false } } } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
