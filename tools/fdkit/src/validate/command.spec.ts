import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli';
import { makeApp, removeApps } from '../testing';

afterAll(removeApps);

function run(argv: string[]) {
  const out: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => out.push(t) }).then((code) => ({ code, out: out.join('') }));
}

describe('fdkit validate --strict', () => {
  it('fails an app that has warnings only when asked to', async () => {
    const dir = await makeApp('omni-2.1', { set: { 'config/iparams.json': { 'crm_api_key.secure': false } } });
    expect((await run(['validate', dir])).code).toBe(0);
    const strict = await run(['validate', dir, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('iparams-secure');
  });

  it('passes a clean app', async () => {
    expect((await run(['validate', await makeApp('omni-2.1'), '--strict'])).code).toBe(0);
  });
});
