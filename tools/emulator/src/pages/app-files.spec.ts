import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, serveFile } from './app-files';

let root: string;
let app: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-files-'));
  app = join(root, 'app');
  await mkdir(join(app, 'views'), { recursive: true });
  await writeFile(join(app, 'index.html'), '<script src="{{{appclient}}}"></script>');
  await writeFile(join(app, 'views/logo.svg'), '<svg/>');
  await writeFile(join(root, 'secret.txt'), 'secret');
  await symlink(join(root, 'secret.txt'), join(app, 'leak.txt'));
  await symlink(join(app, 'views/logo.svg'), join(app, 'logo-link.svg'));
});

afterAll(() => rm(root, { recursive: true, force: true, maxRetries: 5 }));

describe('serveFile', () => {
  it('serves files with their content type, rewriting HTML', async () => {
    const page = await serveFile(app, 'index.html', (html) => html.replace('{{{appclient}}}', '/client.js'));
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<script src="/client.js"></script>');
    const svg = await serveFile(app, 'views/logo.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toBe('<svg/>');
    expect((await serveFile(app, 'logo-link.svg')).status).toBe(200);
  });

  it('refuses paths that leave the folder with 403', async () => {
    for (const path of ['../secret.txt', 'views/../../secret.txt', '..\\secret.txt', '/etc/passwd', 'a\0b']) {
      expect((await serveFile(app, path)).status, path).toBe(403);
    }
  });

  it('refuses symlinks that point out of the folder', async () => {
    const response = await serveFile(app, 'leak.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await serveFile(app, 'missing.html')).status).toBe(404);
    expect((await serveFile(app, 'views')).status).toBe(404);
    expect((await serveFile(app, '')).status).toBe(403);
  });

  it('knows common types and falls back to octet-stream', () => {
    expect(contentType('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('a.woff2')).toBe('font/woff2');
    expect(contentType('a.bin')).toBe('application/octet-stream');
  });
});
