import { substitute, type SubstitutionScope } from './substitute';

/**
 * Whether a 2.1/2.2 free-form request may go to `url`: its scheme and host must match a `whitelisted-domains` entry.
 * Entries may start with `*.` for any subdomain and may themselves be templates (`https://<%= iparam.domain %>`);
 * an entry whose iparams have no value matches nothing.
 */
export function isWhitelisted(url: URL, entries: readonly string[], scope: SubstitutionScope): boolean {
  return entries.some((entry) => {
    let text: string;
    try {
      text = substitute(entry, { ...scope, secure: new Set() }, 'url', 'whitelisted-domains');
    } catch {
      return false;
    }
    const pattern = parseEntry(text.trim());
    if (!pattern) return false;
    if (pattern.protocol && pattern.protocol !== url.protocol) return false;
    if (pattern.port && pattern.port !== url.port) return false;
    return hostMatches(url.hostname.toLowerCase(), pattern.host);
  });
}

function parseEntry(entry: string): { protocol?: string; host: string; port?: string } | undefined {
  const match = /^(?:([a-z][a-z0-9+.-]*:)\/\/)?([^/:?#]+)(?::(\d+))?/i.exec(entry);
  if (!match?.[2]) return undefined;
  return { host: match[2].toLowerCase(), ...(match[1] ? { protocol: match[1].toLowerCase() } : {}), ...(match[3] ? { port: match[3] } : {}) };
}

function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern;
}
