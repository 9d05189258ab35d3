import type { Rule } from 'eslint';
import { calledMethod, type RuleNode } from './rules/promise-chain';

export interface Mention {
  name: string;
  line: number;
  column: number;
}

/** What the validator needs to know about a script beyond lint messages, gathered in the same parse. */
export interface ScriptFacts {
  /** `require('x')` with a literal name. */
  requires: Mention[];
  /** `*.invokeTemplate('name', ...)`. */
  invokedTemplates: Mention[];
  /** `*.request.invoke('name', ...)`: server method invocations from the front end. */
  invokedFunctions: Mention[];
  /** `client.request.get(...)` and `$request.post(...)`: free-form requests, gone in 2.3. */
  freeFormRequests: Mention[];
  /** Functions a page or install script defines globally: declarations, `var f = function`, `window.f = ...`. */
  globalFunctions: Set<string>;
  /** Keys of `exports = {...}` / `exports.x = ...` / `module.exports` found in the source. */
  exportedKeys: Mention[];
  /** True when an `exports` object was found but some keys could not be read statically (spread, computed). */
  exportsDynamic: boolean;
  /** 2.0 registrations: `exports = { events: [{ event, callback }] }`. */
  eventRegistrations: { event: string; callback: string; line: number; column: number }[];
}

export function emptyFacts(): ScriptFacts {
  return {
    requires: [],
    invokedTemplates: [],
    invokedFunctions: [],
    freeFormRequests: [],
    globalFunctions: new Set(),
    exportedKeys: [],
    exportsDynamic: false,
    eventRegistrations: [],
  };
}

const FREE_FORM_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const GLOBAL_OBJECTS = new Set(['window', 'self', 'globalThis']);

/** A rule that reports nothing and fills `facts`: one parse serves both lint and facts. */
export function factsRule(facts: ScriptFacts): Rule.RuleModule {
  return {
    meta: { type: 'suggestion', schema: [] },
    create() {
      return {
        CallExpression(node) {
          collectCall(node, facts);
        },
        FunctionDeclaration(node) {
          if (node.parent.type === 'Program' && node.id) facts.globalFunctions.add(node.id.name);
        },
        VariableDeclarator(node) {
          const declaration = node.parent;
          if (declaration.parent?.type === 'Program' && node.id.type === 'Identifier' && isFunction(node.init as RuleNode | null)) {
            facts.globalFunctions.add(node.id.name);
          }
        },
        AssignmentExpression(node) {
          collectAssignment(node, facts);
        },
      };
    },
  };
}

function collectCall(node: RuleNode & { type: 'CallExpression' }, facts: ScriptFacts): void {
  const first = literalString(node.arguments[0] as RuleNode | undefined);
  const at = position(node);
  if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
    if (first !== undefined) facts.requires.push({ name: first, ...at });
    return;
  }
  const method = calledMethod(node);
  if (method === undefined || node.callee.type !== 'MemberExpression') return;
  const target = node.callee.object as RuleNode;
  if (method === 'invokeTemplate' && first !== undefined) facts.invokedTemplates.push({ name: first, ...at });
  const onRequest = memberName(target) === 'request';
  if (method === 'invoke' && onRequest && first !== undefined) facts.invokedFunctions.push({ name: first, ...at });
  const onServerRequest = target.type === 'Identifier' && target.name === '$request';
  if (FREE_FORM_METHODS.has(method) && (onRequest || onServerRequest)) facts.freeFormRequests.push({ name: method, ...at });
}

function collectAssignment(node: RuleNode & { type: 'AssignmentExpression' }, facts: ScriptFacts): void {
  const left = node.left as RuleNode;
  const right = node.right as RuleNode;
  if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && GLOBAL_OBJECTS.has(left.object.name) && isFunction(right)) {
    const name = memberName(left);
    if (name !== undefined) facts.globalFunctions.add(name);
  }
  if (left.type === 'Identifier' && isTopLevelStatement(node) && isFunction(right)) facts.globalFunctions.add(left.name);
  if (isExportsObject(left)) {
    if (right.type === 'ObjectExpression') collectExportsObject(right, facts);
    else if (!isExportsObject(right)) facts.exportsDynamic = true;
    return;
  }
  if (left.type === 'MemberExpression' && isExportsObject(left.object as RuleNode)) {
    const name = memberName(left);
    if (name !== undefined) facts.exportedKeys.push({ name, ...position(left) });
  }
}

function collectExportsObject(object: RuleNode & { type: 'ObjectExpression' }, facts: ScriptFacts): void {
  for (const property of object.properties) {
    if (property.type !== 'Property') {
      facts.exportsDynamic = true;
      continue;
    }
    const key = property.computed ? undefined : propertyKey(property.key as RuleNode);
    if (key === undefined) {
      facts.exportsDynamic = true;
      continue;
    }
    facts.exportedKeys.push({ name: key, ...position(property as RuleNode) });
    if (key === 'events' && property.value.type === 'ArrayExpression') collectRegistrations(property.value as RuleNode & { type: 'ArrayExpression' }, facts);
  }
}

function collectRegistrations(array: RuleNode & { type: 'ArrayExpression' }, facts: ScriptFacts): void {
  for (const element of array.elements) {
    if (!element || element.type !== 'ObjectExpression') continue;
    const fields = new Map<string, string>();
    for (const property of element.properties) {
      if (property.type !== 'Property' || property.computed) continue;
      const key = propertyKey(property.key as RuleNode);
      const value = literalString(property.value as RuleNode);
      if (key !== undefined && value !== undefined) fields.set(key, value);
    }
    const event = fields.get('event');
    const callback = fields.get('callback');
    if (event !== undefined && callback !== undefined) facts.eventRegistrations.push({ event, callback, ...position(element as RuleNode) });
  }
}

/** `exports` or `module.exports`. */
function isExportsObject(node: RuleNode): boolean {
  if (node.type === 'Identifier') return node.name === 'exports';
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' && memberName(node) === 'exports';
}

function isTopLevelStatement(node: RuleNode): boolean {
  return node.parent?.type === 'ExpressionStatement' && node.parent.parent?.type === 'Program';
}

function isFunction(node: RuleNode | null | undefined): boolean {
  return node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}

function memberName(node: RuleNode): string | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  return literalString(node.property as RuleNode);
}

function propertyKey(node: RuleNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  return literalString(node);
}

function literalString(node: RuleNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function position(node: RuleNode): { line: number; column: number } {
  const start = node.loc?.start;
  return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
}
