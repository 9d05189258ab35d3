import { describe, expect, it } from 'vitest';
import { main } from './cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('fdkit main', () => {
  it('prints its version from package.json', async () => {
    const { io, out } = capture();
    expect(await main(['--version'], io)).toBe(0);
    expect(out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('prints help with no arguments and with --help', async () => {
    for (const argv of [[], ['--help'], ['-h']]) {
      const { io, out } = capture();
      expect(await main(argv, io)).toBe(0);
      expect(out.join('')).toContain('Usage: fdkit');
    }
  });

  it('exits 2 with a hint on an unknown option', async () => {
    const { io, err } = capture();
    expect(await main(['--bogus'], io)).toBe(2);
    expect(err.join('')).toContain("unknown option '--bogus'");
    expect(err.join('')).toContain('fdkit --help');
  });
});
