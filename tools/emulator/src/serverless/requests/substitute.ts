import vm from 'node:vm';
import { isPlainObject } from '../json';
import { appRefusal } from './request-error';

/** Values `<%= ... %>` can read. Secure iparams are readable, but only where the platform allows them: headers. */
export interface SubstitutionScope {
  iparam: Record<string, unknown>;
  secure: ReadonlySet<string>;
  context?: Record<string, unknown>;
  accessToken?: string;
}

/** Where a string sits in the request; only `header` may carry a secure iparam. */
export type Place = 'url' | 'header' | 'body' | 'host' | 'path' | 'query';

const MARKER = /<%=([\s\S]*?)%>/g;
const SUBSTITUTION_FAILED = 'Error while substituting the templates';
/** `iparam.name`, `context.name` or `access_token`: read directly, with no script to run. */
const PLAIN_READ = /^\s*(?:(iparam|context)\.([A-Za-z_$][\w$]*)|(access_token))\s*$/;
/**
 * A guard against an expression that never ends, not a time budget: the vm's watchdog counts wall-clock time, so a
 * busy machine (a browser and the handlers' own vm contexts on two cores) made 100 ms fail `iparam.x` at random.
 */
export const EXPRESSION_TIMEOUT_MS = 1_000;

/** `encode()` is base64 of the UTF-8 text, as for Basic auth. */
function encode(value: unknown): string {
  return Buffer.from(String(value), 'utf8').toString('base64');
}

/** A read-only view of `values` that notes which names were read, so secure use and gaps can be reported. */
function watched(values: Record<string, unknown>, read: Set<string>): Record<string, unknown> {
  return new Proxy(values, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return typeof name === 'string' ? target[name] : undefined;
    },
  });
}

export function hasSubstitution(text: string): boolean {
  return text.includes('<%');
}

/**
 * Fills every `<%= expression %>` in `text`. Expressions are JavaScript over `iparam`, `context`, `encode()` and
 * `access_token` (public apps write `encode(iparam.a + ':' + iparam.b)`), evaluated in an empty context.
 */
export function substitute(text: string, scope: SubstitutionScope, place: Place, where: string): string {
  if (!hasSubstitution(text)) return text;
  return text.replace(MARKER, (_marker, expression: string) => {
    const iparamsRead = new Set<string>();
    const contextRead = new Set<string>();
    const sandbox = {
      iparam: watched(scope.iparam, iparamsRead),
      context: watched(isPlainObject(scope.context) ? scope.context : {}, contextRead),
      encode,
      access_token: scope.accessToken,
    };
    let value: unknown;
    try {
      const plain = PLAIN_READ.exec(expression);
      if (plain) value = plain[3] ? sandbox.access_token : sandbox[plain[1] as 'iparam' | 'context'][plain[2]!];
      else value = vm.runInNewContext(expression, sandbox, { timeout: EXPRESSION_TIMEOUT_MS });
    } catch (error) {
      throw appRefusal(400, `${SUBSTITUTION_FAILED}: ${where} <%=${expression}%>: ${(error as Error).message}`);
    }
    const secret = [...iparamsRead].find((name) => scope.secure.has(name));
    if (secret && place !== 'header') {
      throw appRefusal(400, `Secure iparam "${secret}" can only be used in headers, not in the ${place} (${where})`);
    }
    const missing = [...[...iparamsRead].filter((n) => scope.iparam[n] === undefined).map((n) => `iparam.${n}`), ...[...contextRead].filter((n) => scope.context?.[n] === undefined).map((n) => `context.${n}`)];
    if (missing.length > 0) throw appRefusal(400, `${SUBSTITUTION_FAILED}: ${where} needs ${missing.join(', ')}, which has no value`);
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value;
    return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? value.toString() : JSON.stringify(value) ?? '';
  });
}
