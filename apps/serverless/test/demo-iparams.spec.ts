import { iparams } from '@callbridge/contracts';
import { isIparamInProduct, parseIparamValues, PRODUCTS } from '@callbridge/core';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../src/settings';

const demoFile = resolve(import.meta.dirname, '../../../demo/iparams.json');

describe('demo/iparams.json: the demo installation against the emulator', () => {
  it.each(PRODUCTS)('is a complete, valid installation for %s', async (product) => {
    const demo = JSON.parse(await readFile(demoFile, 'utf8')) as Record<string, Record<string, unknown>>;
    const values = demo[product];
    expect(parseIparamValues(iparams, values, product)).toMatchObject({ ok: true });
    expect(Object.keys(values!).sort()).toEqual(Object.entries(iparams).filter(([, definition]) => isIparamInProduct(definition, product)).map(([name]) => name).sort());
    expect(readSettings(values, product)).toEqual({ autoCreateContacts: true, placeholderType: 'contact', placeholderName: 'Unknown caller', attachToOpenDeal: true });
  });
});
