import { describe, expect, it } from 'vitest';
import { iparamsRead, isKnownSubstitution, scanSubstitutions, usesAccessToken } from './template-substitutions';

describe('scanSubstitutions', () => {
  it('finds every substitution', () => {
    expect(scanSubstitutions('Token token=<%= iparam.api_key %> and <%=context.id%>')).toEqual({
      ok: true,
      substitutions: [{ expression: 'iparam.api_key' }, { expression: 'context.id' }],
    });
    expect(scanSubstitutions('plain')).toEqual({ ok: true, substitutions: [] });
  });

  it('reports unclosed and malformed substitutions', () => {
    expect(scanSubstitutions('<%= iparam.x')).toMatchObject({ ok: false, message: expect.stringContaining('never closed') as string });
    expect(scanSubstitutions('<% iparam.x %>')).toMatchObject({ ok: false, message: expect.stringContaining('followed by "="') as string });
  });
});

describe('substitution expressions', () => {
  it('knows the platform roots', () => {
    for (const known of ['iparam.a', 'context.b.c', 'app_settings.x', 'oauth_iparams.domain', 'access_token', "encode(iparam.a + ':' + iparam.b)"]) {
      expect(isKnownSubstitution(known)).toBe(true);
    }
    expect(isKnownSubstitution('secrets.x')).toBe(false);
  });

  it('lists iparams read and access_token use', () => {
    expect(iparamsRead("encode(iparam.user + ':' + iparam.password)")).toEqual(['user', 'password']);
    expect(usesAccessToken('access_token')).toBe(true);
    expect(usesAccessToken('iparam.token')).toBe(false);
  });
});
