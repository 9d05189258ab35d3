import type { CheckContext } from '../context';
import { readAppText } from '../files/app-folder';
import { analyzeScript, type LintMessage } from './analyze-script';
import type { LintProfile } from './lint-config';
import type { ScriptFacts } from './script-facts';

/** Larger scripts are not linted (the packed app is at most 5 MB anyway). */
export const MAX_LINT_BYTES = 2 * 1024 * 1024;

/** Per rule, what to do about a message, appended to ESLint's own wording. */
const HINTS: Readonly<Record<string, string>> = {
  'no-eval': 'the platform rejects eval; parse data with JSON.parse instead',
  'no-alert': 'use client.interface.trigger("showNotify", ...) or a modal instead',
  'no-debugger': 'remove the debugger statement',
  'no-unreachable': 'remove the code after return, throw, break or continue',
  'no-empty-function': 'give the function a body or remove it',
  'no-unused-vars': 'remove it or use it',
  'no-caller': 'name the function and call it by name',
  'no-process-env': 'read configuration from iparams, not process.env',
  complexity: 'split the function into smaller ones',
  'max-nested-callbacks': 'use promise chains, async/or named functions',
  'handle-callback-err': 'check the error argument before using the result',
};

export interface ScriptRecord {
  profile: LintProfile;
  facts: ScriptFacts;
  parsed: boolean;
}

/** Lints every script under app/ and server/ (not server/test_data) and keeps what each one tells. */
export function lintApp(ctx: CheckContext): Map<string, ScriptRecord> {
  const records = new Map<string, ScriptRecord>();
  for (const [path] of ctx.folder.files) {
    const profile = profileOf(path);
    if (!profile) continue;
    const text = readAppText(ctx.folder, path, MAX_LINT_BYTES);
    if (!text.ok) {
      if (text.problem === 'too-large') ctx.sink.warn('lint-skipped', path, '', `${text.message}; it was not linted`);
      else ctx.sink.error('file-unreadable', path, '', `${text.message}; scripts must be UTF-8 JavaScript`);
      continue;
    }
    const analysis = analyzeScript(text.value, path, { lint: profile });
    if (analysis.syntaxError) {
      const { line, column, message } = analysis.syntaxError;
      ctx.sink.error('js-syntax', path, `${line}:${column}`, `${message.replace(/^Parsing error: /, 'syntax error: ')}; the platform cannot load this script`);
    }
    for (const message of analysis.messages) report(ctx, path, message);
    records.set(path, { profile, facts: analysis.facts, parsed: !analysis.syntaxError });
  }
  return records;
}

function profileOf(path: string): LintProfile | undefined {
  if (!path.endsWith('.js')) return undefined;
  if (path.startsWith('app/')) return 'app';
  if (path.startsWith('server/') && !path.startsWith('server/test_data/')) return 'server';
  return undefined;
}

function report(ctx: CheckContext, path: string, message: LintMessage): void {
  const hint = HINTS[message.ruleId];
  const text = hint ? `${message.message.replace(/\.$/, '')}; ${hint}` : message.message;
  ctx.sink.add(message.severity, { rule: message.ruleId, file: path, location: `${message.line}:${message.column}`, message: text });
}
