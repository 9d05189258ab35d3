import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipDeterministic } from './zip';

const text = (value: string) => new TextEncoder().encode(value);

describe('zipDeterministic', () => {
  it('gives the same bytes for the same files in any order', () => {
    const a = zipDeterministic([{ path: 'b.txt', bytes: text('b') }, { path: 'a/x.js', bytes: text('x') }]);
    const b = zipDeterministic([{ path: 'a/x.js', bytes: text('x') }, { path: 'b.txt', bytes: text('b') }]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Object.keys(unzipSync(a))).toEqual(['a/x.js', 'b.txt']);
  });

  it('writes a fixed time and rw-r--r-- unix permissions', () => {
    const zip = Buffer.from(zipDeterministic([{ path: 'f', bytes: text('content') }]));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(zip.readUInt8(central + 5)).toBe(3);
    expect(zip.readUInt16LE(central + 12)).toBe(0);
    expect(zip.readUInt16LE(central + 14)).toBe((0 << 9) | (1 << 5) | 1);
    expect(zip.readUInt32LE(central + 38) >>> 16).toBe(0o100644);
  });
});
