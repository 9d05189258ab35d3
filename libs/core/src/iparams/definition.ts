import type { ProductName } from '../platform/products';

export const IPARAM_TYPES = [
  'text',
  'paragraph',
  'dropdown',
  'email',
  'number',
  'phone_number',
  'date',
  'url',
  'radio',
  'checkbox',
  'multiselect',
] as const;
export type IparamType = (typeof IPARAM_TYPES)[number];

export type DataBind = 'product.domain' | 'product.api_key';

export interface IparamDefinition {
  displayName: string;
  description?: string;
  type: IparamType;
  required?: boolean;
  /** Secure iparams never reach the front end; they are read only through request substitution and payloads. */
  secure?: boolean;
  visible?: boolean;
  /** For dropdown, radio and multiselect. */
  options?: readonly string[];
  defaultValue?: string | number | boolean | readonly string[];
  /** Validated on the installation page; `message` is shown when the value does not match. */
  regex?: { name: string; pattern: string; message: string };
  /** Callback names in the installation page run on `change`. */
  onChange?: string;
  dataBind?: DataBind;
  /** Products whose installation page shows this iparam; all products when omitted. */
  products?: readonly ProductName[];
}

export type IparamDefinitions = Readonly<Record<string, IparamDefinition>>;

/** Names of the iparams a definition marks secure. */
export type SecureIparamName<D extends IparamDefinitions> = {
  [K in keyof D]: D[K] extends { secure: true } ? K : never;
}[keyof D] &
  string;

/** Names the front end may read: everything not marked `secure: true`. */
export type PublicIparamName<D extends IparamDefinitions> = Exclude<keyof D & string, SecureIparamName<D>>;

type ValueOf<T extends IparamType> = T extends 'number'
  ? number
  : T extends 'checkbox'
    ? boolean
    : T extends 'multiselect'
      ? string[]
      : string;

/** The typed values an installation holds. */
export type IparamValues<D extends IparamDefinitions> = {
  [K in keyof D]: D[K] extends { required: true } ? ValueOf<D[K]['type']> : ValueOf<D[K]['type']> | undefined;
};

export class IparamDefinitionError extends Error {
  override name = 'IparamDefinitionError';
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const CHOICE_TYPES: readonly IparamType[] = ['dropdown', 'radio', 'multiselect'];

/**
 * Declares the app's installation parameters once; the tools generate `config/iparams.json` (or `.html`) from it
 * and the accessors take their types from it. It only types them: `checkIparams` (run by the assembler and by
 * tests) holds the rules, so front-end bundles do not carry them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineIparams<const D extends IparamDefinitions>(definitions: D): D {
  return definitions;
}

/** Throws an IparamDefinitionError naming the first iparam the platform would reject at install time. */
export function checkIparams(definitions: IparamDefinitions): void {
  for (const [name, def] of Object.entries(definitions)) {
    const where = `iparam "${name}"`;
    if (!NAME.test(name)) throw new IparamDefinitionError(`${where}: names start with a letter and use letters, digits and _`);
    if (!def.displayName.trim()) throw new IparamDefinitionError(`${where}: displayName is empty`);
    if (!(IPARAM_TYPES as readonly string[]).includes(def.type)) {
      throw new IparamDefinitionError(`${where}: type "${def.type}" is not one of ${IPARAM_TYPES.join(', ')}`);
    }
    const choices = CHOICE_TYPES.includes(def.type);
    if (choices && !def.options?.length) throw new IparamDefinitionError(`${where}: a ${def.type} needs options`);
    if (!choices && def.options) throw new IparamDefinitionError(`${where}: options only apply to dropdown, radio and multiselect`);
    if (def.defaultValue !== undefined && def.options) {
      const defaults = Array.isArray(def.defaultValue) ? def.defaultValue : [def.defaultValue];
      const unknown = defaults.filter((v) => !def.options?.includes(String(v)));
      if (unknown.length) throw new IparamDefinitionError(`${where}: default ${unknown.join(', ')} is not among its options`);
    }
    if (def.regex) {
      try {
        new RegExp(def.regex.pattern);
      } catch {
        throw new IparamDefinitionError(`${where}: regex "${def.regex.pattern}" does not compile`);
      }
      if (!def.regex.message.trim()) throw new IparamDefinitionError(`${where}: regex needs an error message`);
    }
    if (def.dataBind && def.type !== 'text') throw new IparamDefinitionError(`${where}: data-bind works only on text iparams`);
    if (def.products?.length === 0) throw new IparamDefinitionError(`${where}: products is empty; omit it to show the iparam in every product`);
  }
}

/** Whether a product's installation page shows this iparam. */
export function isIparamInProduct(def: IparamDefinition, product: ProductName): boolean {
  return def.products === undefined || def.products.includes(product);
}

/** Names that look like credentials; the platform warns when such an iparam is not secure. */
export const SECRET_LOOKING_NAME = /key|token|secret|password|auth/i;
