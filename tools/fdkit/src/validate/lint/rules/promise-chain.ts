import type { Rule } from 'eslint';

export type RuleNode = Rule.Node;

/** Promise methods a chain may go through; `fail` and `done` are the jQuery-style names 2.0-era apps use. */
const CHAIN_METHODS = new Set(['then', 'catch', 'finally', 'fail', 'done', 'always']);

export interface ChainLink {
  method: string;
  call: RuleNode & { type: 'CallExpression' };
}

/** The name of a non-computed member call (`a.b.then(...)` gives `then`), or undefined. */
export function calledMethod(node: RuleNode): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return undefined;
  const property = node.callee.property;
  if (!node.callee.computed && property.type === 'Identifier') return property.name;
  if (property.type === 'Literal' && typeof property.value === 'string') return property.value;
  return undefined;
}

/**
 * The links of a promise chain ending at `outer`, outermost first: `p.then(a).catch(b)` gives catch, then.
 * Stops at the first call that is not a promise method.
 */
export function chainLinks(outer: RuleNode): ChainLink[] {
  const links: ChainLink[] = [];
  let node: RuleNode = outer;
  for (;;) {
    const method = calledMethod(node);
    if (method === undefined || !CHAIN_METHODS.has(method) || node.type !== 'CallExpression') return links;
    links.push({ method, call: node });
    node = (node.callee as RuleNode & { type: 'MemberExpression' }).object as RuleNode;
  }
}

/** True when a chain's rejection is handled by a `.catch`, `.fail` or two-argument `.then`. */
export function chainHandlesRejection(links: readonly ChainLink[]): boolean {
  return links.some(({ method, call }) => method === 'catch' || method === 'fail' || (method === 'then' && call.arguments.length >= 2));
}

/** The rejection handlers of a chain: `.catch(h)`, `.fail(h)` and the second argument of `.then`. */
export function rejectionHandlers(links: readonly ChainLink[]): RuleNode[] {
  const handlers: RuleNode[] = [];
  for (const { method, call } of links) {
    const handler = method === 'then' ? call.arguments[1] : method === 'catch' || method === 'fail' ? call.arguments[0] : undefined;
    if (handler) handlers.push(handler as RuleNode);
  }
  return handlers;
}
