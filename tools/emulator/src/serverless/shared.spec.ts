import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cloneJson, isPlainObject } from './json';
import { JsonFile } from './json-file';
import { messageOf, PlatformFailure, toErrorBody } from './platform-error';
import { PlatformPromise } from './platform-promise';
import { SlidingWindow } from './rate-window';
import { resetData } from './reset';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'serverless-shared-'));
});
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));

describe('platform errors', () => {
  it('turn anything thrown into {status, message}', () => {
    expect(toErrorBody(new PlatformFailure(404, 'Record not found'))).toEqual({ status: 404, message: 'Record not found' });
    expect(toErrorBody(new Error('boom'))).toEqual({ status: 500, message: 'boom' });
    expect(messageOf('text')).toBe('text');
    expect(messageOf({ a: 1 })).toBe('{"a":1}');
    expect(messageOf(undefined)).toBe('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(messageOf(cyclic)).toBe('[object Object]');
  });
});

describe('PlatformPromise', () => {
  it('offers .fail as .catch, also after .then', async () => {
    const failed = new PlatformPromise<number>((_resolve, reject) => reject(new Error('no')));
    const chained = failed.then((v) => v + 1);
    expect(chained).toBeInstanceOf(PlatformPromise);
    await expect(chained.fail((e: unknown) => (e as Error).message)).resolves.toBe('no');
    await expect(new PlatformPromise<number>((resolve) => resolve(1)).fail()).resolves.toBe(1);
  });
});

describe('json helpers', () => {
  it('tell plain objects, clone and format sizes', () => {
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(new Date())).toBe(false);
    expect(cloneJson(undefined)).toBeUndefined();
  });

  it('measure a sliding window', () => {
    let now = 0;
    const window = new SlidingWindow(2, 100, () => now);
    expect(window.msUntilRoom()).toBe(0);
    window.tryTake();
    window.tryTake();
    expect(window.tryTake()).toBe(false);
    now = 40;
    expect(window.msUntilRoom()).toBe(60);
  });
});

describe('JsonFile', () => {
  it('writes whole files one at a time, folds saves asked for meanwhile, and survives a failed write', async () => {
    const file = new JsonFile(join(dir, '.fdk/x.json'));
    expect(await file.read()).toBeUndefined();
    let value = 1;
    void file.save(() => ({ value }));
    value = 2;
    void file.save(() => ({ value }));
    await file.flush();
    expect(JSON.parse(await readFile(join(dir, '.fdk/x.json'), 'utf8'))).toEqual({ value: 2 });
    await writeFile(join(dir, '.fdk/x.json'), 'not json');
    expect(await file.read()).toBeUndefined();
    await file.remove();
    expect(await file.read()).toBeUndefined();

    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await mkdir(join(dir, 'blocked'));
    await writeFile(join(dir, 'blocked/.fdk'), 'a file where a folder should be');
    await new JsonFile(join(dir, 'blocked/.fdk/x.json')).save(() => ({}));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('could not write') as unknown, expect.anything());
  });
});

describe('resetData', () => {
  it('removes the data store and schedules and keeps installations', async () => {
    await mkdir(join(dir, '.fdk'));
    for (const file of ['db.json', 'schedules.json', 'installations.json']) await writeFile(join(dir, '.fdk', file), '{}');
    await resetData(dir);
    await expect(readFile(join(dir, '.fdk/db.json'))).rejects.toThrow();
    await expect(readFile(join(dir, '.fdk/schedules.json'))).rejects.toThrow();
    expect(await readFile(join(dir, '.fdk/installations.json'), 'utf8')).toBe('{}');
    await resetData(join(dir, 'missing'));
  });
});
