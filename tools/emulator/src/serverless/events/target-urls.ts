import { randomBytes } from 'node:crypto';
import { isProductName, type ProductName } from '@callbridge/core';
import { isPlainObject } from '../json';
import { JsonFile } from '../json-file';

/**
 * The URL `generateTargetUrl()` gives each installation: `<baseUrl>/_fdk/external/<product>/<token>`, a new token
 * per install, kept in `<appDir>/.fdk/targets.json` so webhooks registered elsewhere survive a restart.
 */
export class TargetUrls {
  private tokens = new Map<ProductName, string>();
  private readonly file: JsonFile;

  constructor(
    path: string,
    private readonly baseUrl: () => string,
  ) {
    this.file = new JsonFile(path);
  }

  async load(): Promise<void> {
    const raw = await this.file.read();
    this.tokens = new Map(isPlainObject(raw) ? Object.entries(raw).filter((e): e is [ProductName, string] => isProductName(e[0]) && typeof e[1] === 'string') : []);
  }

  /** Makes a token if the product has none; true when it made one. */
  async ensure(product: ProductName): Promise<boolean> {
    if (this.tokens.has(product)) return false;
    this.tokens.set(product, randomBytes(16).toString('hex'));
    await this.save();
    return true;
  }

  async url(product: ProductName): Promise<string> {
    await this.ensure(product);
    return `${this.baseUrl()}/_fdk/external/${product}/${this.tokens.get(product)}`;
  }

  matches(product: ProductName, token: string): boolean {
    return this.tokens.get(product) === token;
  }

  async forget(product: ProductName): Promise<void> {
    if (this.tokens.delete(product)) await this.save();
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  private save(): Promise<void> {
    return this.file.save(() => Object.fromEntries(this.tokens));
  }
}
