import type { FindingSink } from '../finding';
import { describeJsonValue } from '../json-path';
import { type PlatformVersion, supports } from '../platform/versions';
import { MANIFEST_FILE } from './manifest-model';

const RULE = 'whitelisted-domains';
/** An origin, where any part may be a `<%= iparam.x %>` substitution (old FDK accepted those). */
const ORIGIN = /^https?:\/\/([A-Za-z0-9.*-]|<%=[^%]*%>)+(:\d+)?\/?$/;

/** 2.0-2.2 list the origins free-form requests may reach; 2.3 replaced them with request templates. */
export function checkWhitelistedDomains(value: unknown, version: PlatformVersion, sink: FindingSink): void {
  if (value === undefined) return;
  if (supports(version, 'requests') || version.major === 3) {
    sink.error(RULE, MANIFEST_FILE, 'whitelisted-domains', `"whitelisted-domains" is not supported on platform-version ${version.raw}; declare each host in a request template in config/requests.json and list it under product.<name>.requests`);
    return;
  }
  if (!Array.isArray(value)) {
    sink.error(RULE, MANIFEST_FILE, 'whitelisted-domains', `"whitelisted-domains" must be an array of origins such as ["https://api.example.com"], found ${describeJsonValue(value)}`);
    return;
  }
  value.forEach((entry: unknown, index) => {
    const location = `whitelisted-domains[${index}]`;
    if (typeof entry !== 'string') sink.error(RULE, MANIFEST_FILE, location, `each whitelisted domain must be a string such as "https://api.example.com", found ${describeJsonValue(entry)}`);
    else if (!ORIGIN.test(entry)) sink.error(RULE, MANIFEST_FILE, location, `"${entry}" is not an origin; write the scheme and host only, such as "https://api.example.com"`);
  });
}
