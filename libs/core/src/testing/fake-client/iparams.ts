import type { ClientIparams } from '../../platform/client';
import { copy, later, platformError, rejectWith } from './errors';

/** What an admin entered on the installation page; `secure` names the fields the front end must never see. */
export interface Installation {
  iparams: Record<string, unknown>;
  secure?: string[];
}

/** The installation as the fake holds it; replaced by `platform.install`. */
export class InstallationStore {
  private values: Record<string, unknown> = {};
  private secureKeys = new Set<string>();

  install(installation: Installation): void {
    this.values = copy(installation.iparams);
    this.secureKeys = new Set(installation.secure ?? []);
  }

  /** All values, secure ones included: what server-side code (SMI, request templates) gets. */
  all(): Record<string, unknown> {
    return copy(this.values);
  }

  /** What the front end may see. */
  visible(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.values).filter(([key]) => !this.secureKeys.has(key)).map(([key, value]) => [key, copy(value)]));
  }

  isSecure(key: string): boolean {
    return this.secureKeys.has(key);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.values, key);
  }
}

/** `client.iparams`: non-secure iparams only; asking for a secure one by name rejects. */
export function createIparamsApi(store: InstallationStore): ClientIparams {
  function get(key?: string): Promise<Record<string, unknown>> {
    if (key === undefined) return later(() => store.visible());
    if (typeof key !== 'string' || key === '') return rejectWith(platformError(400, 'iparams.get: the key must be a non-empty string.'));
    if (store.isSecure(key)) {
      return rejectWith(
        platformError(
          403,
          `iparams.get("${key}"): "${key}" is a secure iparam; the front end cannot read it. Use it server-side or in a request template (<%= iparam.${key} %>).`,
        ),
      );
    }
    if (!store.has(key)) return rejectWith(platformError(404, `iparams.get("${key}"): no iparam "${key}" is installed.`));
    return later(() => ({ [key]: store.visible()[key] }));
  }
  return { get };
}
