import type { Rule, Scope } from 'eslint';

/**
 * Assigning, inside a callback, to a variable declared in an enclosing function: by the time the callback
 * runs, the enclosing function has moved on (app/ code is event-driven), so the write races. Variables of
 * the top-level scope (such as `client`) are left alone: keeping the client there is the platform's own pattern.
 */
export const noCrossScopeAssign: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'disallow assigning to an enclosing function scope variable inside a callback' },
    schema: [],
    messages: {
      crossScope: "'{{name}}' belongs to an enclosing function but is assigned inside a callback; return the value or pass it on instead.",
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const scope of context.sourceCode.scopeManager.scopes) {
          for (const reference of scope.references) {
            if (!reference.isWrite() || reference.init || !reference.resolved) continue;
            const owner = reference.resolved.scope;
            if (owner.variableScope.type !== 'function' || !crossesCallback(reference.from, owner)) continue;
            context.report({ node: reference.identifier, messageId: 'crossScope', data: { name: reference.identifier.name } });
          }
        }
      },
    };
  },
};

/** True when walking up from `from` to `owner` leaves a function that is passed as an argument. */
function crossesCallback(from: Scope.Scope, owner: Scope.Scope): boolean {
  for (let scope: Scope.Scope | null = from; scope && scope !== owner; scope = scope.upper) {
    if (scope.type === 'function' && isCallback(scope.block as Rule.Node)) return true;
  }
  return false;
}

function isCallback(fn: Rule.Node): boolean {
  const parent = fn.parent;
  if (parent?.type !== 'CallExpression' && parent?.type !== 'NewExpression') return false;
  return (parent.arguments as readonly unknown[]).includes(fn);
}
