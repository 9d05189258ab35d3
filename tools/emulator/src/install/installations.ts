import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fromIparamsJson, isProductName, parseIparamValues, type IparamIssue, type ProductName } from '@callbridge/core';

export interface Installation {
  product: ProductName;
  values: Record<string, unknown>;
  /** Names whose values never leave the server (iparams.json `secure`, or iparams.html `__meta.secure`). */
  secure: string[];
  installedAt: string;
}

/** Runs the app's onAppInstall/onAppUninstall; an install hook that fails stops the install. */
export interface SetupHooks {
  onInstall(installation: Installation): Promise<{ ok: true } | { ok: false; message: string }>;
  onUninstall(installation: Installation): Promise<void>;
}

export type InstallResult = { ok: true; installation: Installation } | { ok: false; errors: IparamIssue[] };

/**
 * The app's installation in each product: values checked against `config/iparams.json` the way the installation page
 * checks them, kept under `.fdk/` so a restart keeps them. Secure values are only ever handed to server-side code.
 */
export class Installations {
  private readonly file: string;
  private byProduct = new Map<ProductName, Installation>();
  private hooks: SetupHooks | undefined;

  constructor(
    private readonly appDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = join(appDir, '.fdk/installations.json');
  }

  setHooks(hooks: SetupHooks): void {
    this.hooks = hooks;
  }

  async load(): Promise<void> {
    try {
      const raw = JSON.parse(await readFile(this.file, 'utf8')) as Installation[];
      this.byProduct = new Map(raw.filter((i) => isProductName(i.product)).map((i) => [i.product, i]));
    } catch {
      this.byProduct = new Map();
    }
  }

  get(product: ProductName): Installation | undefined {
    return this.byProduct.get(product);
  }

  /** What the front end may see: never the secure values. */
  publicValues(product: ProductName): Record<string, unknown> | undefined {
    const installation = this.byProduct.get(product);
    if (!installation) return undefined;
    return Object.fromEntries(Object.entries(installation.values).filter(([name]) => !installation.secure.includes(name)));
  }

  async install(product: ProductName, values: Record<string, unknown>, secureFromPage: readonly string[] = []): Promise<InstallResult> {
    const checked = await this.check(product, values);
    if (!checked.ok) return checked;
    const installation: Installation = {
      product,
      values: checked.values,
      secure: [...new Set([...checked.secure, ...secureFromPage])].sort(),
      installedAt: this.now().toISOString(),
    };
    const previous = this.byProduct.get(product);
    this.byProduct.set(product, installation);
    const hook = this.hooks ? await this.hooks.onInstall(installation) : { ok: true as const };
    if (!hook.ok) {
      if (previous) this.byProduct.set(product, previous);
      else this.byProduct.delete(product);
      return { ok: false, errors: [{ iparam: '(install)', message: hook.message }] };
    }
    await this.save();
    return { ok: true, installation };
  }

  /** The platform never lets a failing onAppUninstall leave the app half-installed here: it is removed regardless. */
  async uninstall(product: ProductName): Promise<boolean> {
    const installation = this.byProduct.get(product);
    if (!installation) return false;
    await this.hooks?.onUninstall(installation);
    this.byProduct.delete(product);
    await this.save();
    return true;
  }

  private async check(
    product: ProductName,
    values: Record<string, unknown>,
  ): Promise<{ ok: true; values: Record<string, unknown>; secure: string[] } | { ok: false; errors: IparamIssue[] }> {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(await readFile(join(this.appDir, 'config/iparams.json'), 'utf8')) as Record<string, unknown>;
    } catch {
      // iparams.html apps validate in their own page; the emulator keeps what the page posted.
      const { __meta: _meta, ...rest } = values;
      return { ok: true, values: rest, secure: [] };
    }
    const { definitions } = fromIparamsJson(json);
    const parsed = parseIparamValues(definitions, values, product);
    if (!parsed.ok) return { ok: false, errors: parsed.issues };
    const secure = Object.entries(definitions)
      .filter(([, def]) => def.secure === true)
      .map(([name]) => name);
    return { ok: true, values: parsed.values, secure };
  }

  private async save(): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, `${JSON.stringify([...this.byProduct.values()], null, 2)}\n`);
  }
}
