import type { Rule } from 'eslint';
import { chainLinks, rejectionHandlers, type RuleNode } from './promise-chain';

const CONSOLE_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace']);

/** A rejection handler whose only effect is writing to the console: the user never learns of the failure. */
export const noLoggingRejections: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'disallow rejection handlers that only log' },
    schema: [],
    messages: {
      onlyLogs: 'This rejection handler only logs to the console; tell the user (for example with showNotify) or recover, as well as logging.',
    },
  },
  create(context) {
    const seen = new WeakSet<RuleNode>();
    return {
      CallExpression(node) {
        for (const handler of rejectionHandlers(chainLinks(node))) {
          if (seen.has(handler)) continue;
          seen.add(handler);
          if (onlyLogs(handler)) context.report({ node: handler, messageId: 'onlyLogs' });
        }
      },
    };
  },
};

function onlyLogs(handler: RuleNode): boolean {
  if (isConsoleMember(handler)) return true;
  if (handler.type !== 'FunctionExpression' && handler.type !== 'ArrowFunctionExpression') return false;
  if (handler.body.type !== 'BlockStatement') return isConsoleCall(handler.body as RuleNode);
  const statements = handler.body.body;
  return statements.length > 0 && statements.every((statement) => statement.type === 'ExpressionStatement' && isConsoleCall(statement.expression as RuleNode));
}

function isConsoleCall(node: RuleNode): boolean {
  return node.type === 'CallExpression' && isConsoleMember(node.callee as RuleNode);
}

function isConsoleMember(node: RuleNode): boolean {
  return (
    node.type === 'MemberExpression' &&
    node.object.type === 'Identifier' &&
    node.object.name === 'console' &&
    node.property.type === 'Identifier' &&
    CONSOLE_METHODS.has(node.property.name)
  );
}
