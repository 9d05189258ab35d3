import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProductName } from '@callbridge/core';
import { isPlainObject, type JsonRecord } from '../json';
import { PlatformFailure } from '../platform-error';

const HERE = dirname(fileURLToPath(import.meta.url));
let found: string | null | undefined;

/**
 * The platform's sample payloads (`<product>/<event>.json`): libs/core ships them as `@callbridge/core/payloads/`;
 * older checkouts kept them in tools/fdkit/payloads, found from this package's root. Null when neither is there.
 */
export function platformSamplesDir(): string | null {
  found ??= fromCore() ?? besideFdkit(HERE);
  return found;
}

function fromCore(): string | null {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@callbridge/core/package.json')), 'payloads');
    return existsSync(dir) ? dir : null;
  } catch {
    return null;
  }
}

/** `tools/fdkit/payloads`, from the nearest folder above `start` whose package.json names this package. */
export function besideFdkit(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && packageName(manifest) === '@callbridge/emulator') {
      const candidate = join(dir, '..', 'fdkit', 'payloads');
      return existsSync(candidate) ? candidate : null;
    }
    if (dirname(dir) === dir) return null;
  }
}

function packageName(file: string): unknown {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}

export interface SamplePayload {
  payload: JsonRecord;
  /** Where it came from, for the test page. */
  source: string;
}

async function readObject(file: string, shown: string): Promise<JsonRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new PlatformFailure(400, `${shown}: not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(value)) throw new PlatformFailure(400, `${shown}: must hold a JSON object`);
  return value;
}

/**
 * The payload `/web/test` starts from: the app's `server/test_data/<event>.json` (or `<product>/<event>.json`), else
 * the platform's sample for the product, else an empty one.
 */
export async function samplePayload(appDir: string, product: ProductName, event: string): Promise<SamplePayload> {
  for (const shown of [`server/test_data/${product}/${event}.json`, `server/test_data/${event}.json`]) {
    const own = await readObject(join(appDir, shown), shown);
    if (own) return { payload: own, source: shown };
  }
  const samples = platformSamplesDir();
  const platform = samples ? await readObject(join(samples, product, `${event}.json`), `platform sample ${product}/${event}.json`) : undefined;
  if (platform) return { payload: platform, source: `platform sample ${product}/${event}.json` };
  return { payload: { data: {} }, source: 'empty (no test_data file and no platform sample)' };
}
