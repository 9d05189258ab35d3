import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli';

const workspaceRoot = resolve(import.meta.dirname, '../../..');
let appDir: string;

beforeAll(() => {
  appDir = mkdtempSync(join(tmpdir(), 'fdkit-run-'));
  cpSync(resolve(import.meta.dirname, 'fixtures/omni-2.1'), appDir, { recursive: true });
});
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('fdkit run, as a user runs it', () => {
  it('serves the app until interrupted, then exits cleanly', async () => {
    const child = spawn('npx', ['--no-install', 'fdkit', 'run', appDir, '--port', '0', '--no-watch'], {
      cwd: workspaceRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL printed: ${output}`)), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Emulator running at (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          done(match[1]!);
        }
      });
    });
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<title>');
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
    // Ctrl+C signals the whole process group, npx and the node process it started.
    process.kill(-child.pid!, 'SIGINT');
    const { code, signal } = await exited;
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    // The emulator stopped serving: nothing is left listening.
    await expect.poll(() => fetch(url).then(() => 'up', () => 'down'), { timeout: 10_000 }).toBe('down');
  }, 60_000);

  it.each([
    [['run', '/no/such/folder'], 'fdkit run: /no/such/folder is not a folder'],
    [['run', '.', '--port', 'x'], 'fdkit run: --port must be a port number, not "x"'],
    [['run', '.', '--clock', '0'], 'fdkit run: --clock must be a positive number, not "0"'],
    [['run', '.', '--iparams', '/no/such.json'], 'fdkit run: --iparams /no/such.json: '],
  ])('refuses %j with exit code 2 and says why', async (argv, message) => {
    const { io, err } = capture();
    expect(await main(argv, io)).toBe(2);
    expect(err.join('')).toContain(message);
  });

  it('refuses an --iparams file that is not an object', async () => {
    const file = join(appDir, 'bad-iparams.json');
    writeFileSync(file, '[1, 2]');
    const { io, err } = capture();
    expect(await main(['run', appDir, '--iparams', file], io)).toBe(2);
    expect(err.join('')).toContain('expected an object of iparam names to values');
  });
});
