import { AppError } from '@seatwise/shared/errors/app-error';
import express, { type NextFunction, type Request, type Response } from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleDir, serveConsole } from './console';

const INDEX = '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';
const ASSET = 'console.log("app")';

// The console's middleware in a bare Express app, over a temporary build; what falls through answers
// 418 (the API would answer there), errors answer their code.
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(...serveConsole(dir));
  app.use((_req: Request, res: Response) => {
    res.status(418).send('api');
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(error instanceof AppError ? 404 : 500).json({ code: error instanceof AppError ? error.code : 'other' });
  });
  const server: Server = await new Promise((ready) => {
    const s = app.listen(0, '127.0.0.1', () => {
      ready(s);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) =>
        server.close(() => {
          done();
        }),
      ),
  };
}

describe('serveConsole', () => {
  let dir: string;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), ASSET);
    ({ url, close } = await serve(dir));
  });

  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html at /, revalidated on every load', async () => {
    const res = await fetch(`${url}/`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await fetch(`${url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(ASSET);
  });

  it("answers index.html for the app's own paths when a page is asked for", async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(`${url}/integrations/int_1`, { method, headers: { accept: 'text/html,*/*;q=0.8' } });
      expect([method, res.status, res.headers.get('cache-control')]).toEqual([method, 200, 'no-cache']);
    }
  });

  it('leaves the API, metrics, health, missing build files, other methods and non-page requests alone', async () => {
    const html = { accept: 'text/html' };
    const passed = [
      await fetch(`${url}/api/v1/integrations`, { headers: html }),
      await fetch(`${url}/api`, { headers: html }),
      await fetch(`${url}/metrics`, { headers: html }),
      await fetch(`${url}/health/live`, { headers: html }),
      await fetch(`${url}/integrations`, { method: 'POST', headers: html }),
      await fetch(`${url}/integrations`, { headers: { accept: 'application/json' } }),
      await fetch(`${url}/assets/missing.js`),
    ];
    expect(passed.map((res) => res.status)).toEqual(passed.map(() => 418));
  });

  it('answers a 404 problem at / when the console is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-empty-'));
    const bare = await serve(empty);
    try {
      const res = await fetch(`${bare.url}/`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ code: 'HTTP.ROUTE_NOT_FOUND' });
      expect(res.headers.get('cache-control')).toBeNull();
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('finds apps/console/dist of the monorepo by default', () => {
    expect(consoleDir(undefined).endsWith(join('apps', 'console', 'dist'))).toBe(true);
    expect(consoleDir('/srv/console')).toBe('/srv/console');
  });
});
