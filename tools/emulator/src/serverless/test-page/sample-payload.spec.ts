import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformFailure } from '../platform-error';
import { besideFdkit, platformSamplesDir, samplePayload } from './sample-payload';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'samples-'));
});
afterEach(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));

async function write(file: string, text: string) {
  await mkdir(join(dir, file, '..'), { recursive: true });
  await writeFile(join(dir, file), text);
}

describe('samplePayload', () => {
  it('prefers server/test_data/<product>/<event>.json, then server/test_data/<event>.json, then the platform sample', async () => {
    await write('server/test_data/freshsales/onLeadCreate.json', '{"data": {"lead": {"id": 1}}}');
    await write('server/test_data/onLeadCreate.json', '{"data": {"lead": {"id": 2}}}');
    expect(await samplePayload(dir, 'freshsales', 'onLeadCreate')).toEqual({ payload: { data: { lead: { id: 1 } } }, source: 'server/test_data/freshsales/onLeadCreate.json' });
    expect((await samplePayload(dir, 'freshworks_crm', 'onLeadCreate')).source).toBe('server/test_data/onLeadCreate.json');
    expect(platformSamplesDir()).toMatch(/payloads$/);
    expect((await samplePayload(dir, 'freshworks_crm', 'onDealCreate')).source).toBe('platform sample freshworks_crm/onDealCreate.json');
  });

  it('names a test_data file that is not a JSON object', async () => {
    await write('server/test_data/onBroken.json', '{oops');
    await write('server/test_data/onList.json', '[1]');
    await expect(samplePayload(dir, 'freshsales', 'onBroken')).rejects.toThrow(/^server\/test_data\/onBroken\.json: not valid JSON/);
    await expect(samplePayload(dir, 'freshsales', 'onList')).rejects.toBeInstanceOf(PlatformFailure);
  });

  it('finds tools/fdkit/payloads beside this package in older checkouts', async () => {
    await write('tools/emulator/package.json', '{"name": "@callbridge/emulator"}');
    await write('tools/emulator/src/x/.keep', '');
    expect(besideFdkit(join(dir, 'tools/emulator/src/x'))).toBeNull();
    await mkdir(join(dir, 'tools/fdkit/payloads'), { recursive: true });
    expect(besideFdkit(join(dir, 'tools/emulator/src/x'))).toBe(join(dir, 'tools/fdkit/payloads'));
    await write('elsewhere/package.json', 'not json');
    expect(besideFdkit(join(dir, 'elsewhere'))).toBeNull();
  });
});
