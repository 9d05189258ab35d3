/** A `<%= ... %>` substitution in a request template string. */
export interface Substitution {
  expression: string;
}

export type SubstitutionScan = { ok: true; substitutions: Substitution[] } | { ok: false; message: string };

/** Finds the substitutions of one template string; an unclosed `<%=` is an error the platform reports at run time. */
export function scanSubstitutions(text: string): SubstitutionScan {
  const substitutions: Substitution[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('<%', from);
    if (open === -1) return { ok: true, substitutions };
    if (text[open + 2] !== '=') return { ok: false, message: `"<%" must be followed by "=" (write <%= iparam.name %>)` };
    const close = text.indexOf('%>', open + 3);
    if (close === -1) return { ok: false, message: `"<%=" at character ${open + 1} is never closed with "%>"` };
    substitutions.push({ expression: text.slice(open + 3, close).trim() });
    from = close + 2;
  }
}

/** Roots the platform substitutes (PLATFORM-FACTS §1, 2.3; sample apps add app_settings and oauth_iparams). */
const KNOWN_ROOT = /^(iparam|context|app_settings|oauth_iparams)\.[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$|^access_token$|^encode\(.*\)$/s;

export function isKnownSubstitution(expression: string): boolean {
  return KNOWN_ROOT.test(expression);
}

/** Names of iparams an expression reads: `iparam.apiKey`, also inside `encode(iparam.a + ':' + iparam.b)`. */
export function iparamsRead(expression: string): string[] {
  return [...expression.matchAll(/\biparam\.([A-Za-z_$][\w$]*)/g)].map((match) => match[1] ?? '');
}

export function usesAccessToken(expression: string): boolean {
  return /\baccess_token\b/.test(expression);
}
