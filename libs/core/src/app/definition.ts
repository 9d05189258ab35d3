import { checkIparams, type IparamDefinitions } from '../iparams/definition';
import { isEventOf, SERVER_METHOD_NAME } from '../platform/events';
import { isPlaceholderOf, PRODUCTS, type PlaceholderName, type ProductName } from '../platform/products';

export type PlatformVersion = '2.1' | '2.2' | '2.3';

/** A placeholder the app renders in: its front-end entry and its icon, in the products that show it. */
export interface PlaceholderDefinition {
  placeholder: PlaceholderName;
  /** Entry name in the front-end build (`src/entries/<entry>.ts`). */
  entry: string;
  /** SVG icon, relative to the front end's `icons/` folder. */
  icon: string;
  products: readonly ProductName[];
}

/** A template opened with `showModal`: `app/<name>.html`, built from a front-end entry. */
export interface ModalDefinition {
  name: string;
  entry: string;
}

export interface EventDefinition {
  event: string;
  handler: string;
  products: readonly ProductName[];
}

export interface ServerMethodDefinition {
  name: string;
  /** Seconds; the platform's default applies when omitted. */
  timeout?: number;
  products: readonly ProductName[];
}

/** Request templates as the app definition needs them; the request module owns their full shape. */
export interface RequestTemplateRef {
  name: string;
}

/** What the front-end project contributes to the app. */
export interface FrontendPart {
  placeholders: readonly PlaceholderDefinition[];
  modals: readonly ModalDefinition[];
}

/** What the serverless project contributes to the app. */
export interface ServerlessPart<T extends RequestTemplateRef = RequestTemplateRef> {
  events: readonly EventDefinition[];
  functions: readonly ServerMethodDefinition[];
  requestTemplates: readonly T[];
  iparams: IparamDefinitions;
}

export interface AppDefinition<T extends RequestTemplateRef = RequestTemplateRef> extends FrontendPart, ServerlessPart<T> {
  name: string;
  description: string;
  platformVersion: PlatformVersion;
  products: readonly ProductName[];
}

/** The slice of the app one product sees: what its manifest section lists. */
export interface ProductView {
  product: ProductName;
  placeholders: PlaceholderDefinition[];
  events: EventDefinition[];
  functions: ServerMethodDefinition[];
  requestTemplates: string[];
}

export class AppDefinitionError extends Error {
  override name = 'AppDefinitionError';
  constructor(readonly problems: readonly string[]) {
    super(`The app definition has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
}

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function checkProducts(where: string, products: readonly ProductName[], appProducts: readonly ProductName[], problems: string[]) {
  if (products.length === 0) problems.push(`${where}: lists no product`);
  for (const product of products) {
    if (!appProducts.includes(product)) problems.push(`${where}: product "${product}" is not one of the app's products (${appProducts.join(', ')})`);
  }
}

function duplicates(names: readonly string[]): string[] {
  return [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
}

/** Checks everything the platform would refuse about an app's definition and returns all problems at once. */
export function checkAppDefinition(app: AppDefinition): string[] {
  const problems: string[] = [];
  if (app.products.length === 0) problems.push('products: the app targets no product');
  for (const product of app.products) {
    if (!PRODUCTS.includes(product)) problems.push(`products: "${String(product)}" is not a Freshworks CRM product`);
  }
  for (const p of app.placeholders) {
    const where = `placeholder ${p.placeholder}`;
    checkProducts(where, p.products, app.products, problems);
    for (const product of p.products) {
      if (!isPlaceholderOf(product, p.placeholder)) problems.push(`${where}: ${product} has no such placeholder`);
    }
    if (!p.icon.endsWith('.svg')) problems.push(`${where}: icon "${p.icon}" must be an SVG file`);
  }
  for (const product of app.products) {
    const names = app.placeholders.filter((p) => p.products.includes(product)).map((p) => p.placeholder);
    for (const name of duplicates(names)) problems.push(`placeholder ${name}: defined twice for ${product}`);
  }
  for (const m of app.modals) {
    if (!TEMPLATE_NAME.test(m.name)) problems.push(`modal "${m.name}": names use lowercase letters, digits, - and _`);
  }
  for (const name of duplicates(app.modals.map((m) => m.name))) problems.push(`modal "${name}": defined twice`);
  for (const e of app.events) {
    const where = `event ${e.event}`;
    checkProducts(where, e.products, app.products, problems);
    for (const product of e.products) {
      if (!isEventOf(product, e.event)) problems.push(`${where}: ${product} does not fire this event`);
    }
    if (!IDENTIFIER.test(e.handler)) problems.push(`${where}: handler "${e.handler}" is not a valid function name`);
  }
  for (const product of app.products) {
    const names = app.events.filter((e) => e.products.includes(product)).map((e) => e.event);
    for (const name of duplicates(names)) problems.push(`event ${name}: registered twice for ${product}`);
  }
  for (const f of app.functions) {
    const where = `server method "${f.name}"`;
    checkProducts(where, f.products, app.products, problems);
    if (!SERVER_METHOD_NAME.test(f.name)) problems.push(`${where}: names match [A-Za-z_][A-Za-z0-9_]{1,39}`);
    if (f.timeout !== undefined && !(Number.isInteger(f.timeout) && f.timeout >= 1 && f.timeout <= 20)) {
      problems.push(`${where}: timeout ${f.timeout} must be whole seconds from 1 to 20`);
    }
  }
  for (const name of duplicates(app.functions.map((f) => f.name))) problems.push(`server method "${name}": defined twice`);
  for (const name of duplicates(app.requestTemplates.map((t) => t.name))) problems.push(`request template "${name}": defined twice`);
  try {
    checkIparams(app.iparams);
  } catch (error) {
    problems.push((error as Error).message);
  }
  return problems;
}

/** Assembles the app from its projects' parts and checks it; throws with every problem listed. */
export function defineApp<T extends RequestTemplateRef>(
  meta: Pick<AppDefinition, 'name' | 'description' | 'platformVersion' | 'products'>,
  frontend: FrontendPart,
  serverless: ServerlessPart<T>,
): AppDefinition<T> {
  const app: AppDefinition<T> = { ...meta, ...frontend, ...serverless };
  const problems = checkAppDefinition(app);
  if (problems.length) throw new AppDefinitionError(problems);
  return app;
}

/** What one product's manifest section holds; request templates only where the platform version has them. */
export function productView(app: AppDefinition, product: ProductName): ProductView {
  const inProduct = <X extends { products: readonly ProductName[] }>(items: readonly X[]) => items.filter((x) => x.products.includes(product));
  return {
    product,
    placeholders: inProduct(app.placeholders),
    events: inProduct(app.events),
    functions: inProduct(app.functions),
    requestTemplates: app.platformVersion === '2.3' ? app.requestTemplates.map((t) => t.name).sort() : [],
  };
}
