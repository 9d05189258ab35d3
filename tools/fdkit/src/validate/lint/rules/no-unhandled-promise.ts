import type { Rule } from 'eslint';
import { chainHandlesRejection, chainLinks, type RuleNode } from './promise-chain';

/**
 * A `.then()` chain used as a statement with no `.catch`, `.fail` or second `.then` argument: its
 * rejection goes nowhere. Chains that are returned, awaited, assigned or passed on are the caller's business.
 */
export const noUnhandledPromise: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'require a rejection handler on promise chains used as statements' },
    schema: [],
    messages: {
      unhandled: 'This .then() chain has no rejection handler; add .catch(function (error) { ... }) that tells the user or recovers.',
    },
  },
  create(context) {
    return {
      ExpressionStatement(statement) {
        const expression = statement.expression as RuleNode;
        const links = chainLinks(expression);
        if (!links.some((link) => link.method === 'then')) return;
        if (chainHandlesRejection(links)) return;
        context.report({ node: expression, messageId: 'unhandled' });
      },
    };
  },
};
