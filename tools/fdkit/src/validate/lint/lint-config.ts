import type { Linter, Rule } from 'eslint';
import globals from 'globals';
import { noCrossScopeAssign } from './rules/no-cross-scope-assign';
import { noLoggingRejections } from './rules/no-logging-rejections';
import { noUnhandledPromise } from './rules/no-unhandled-promise';

/** Which platform lint rules apply: front-end (`app/`) or serverless (`server/`) code. */
export type LintProfile = 'app' | 'server';

/** The globals the platform gives server.js (PLATFORM-FACTS §1, Serverless). */
const SERVER_GLOBALS: Linter.Globals = {
  exports: 'writable',
  module: 'writable',
  require: 'readonly',
  renderData: 'readonly',
  generateTargetUrl: 'readonly',
  $db: 'readonly',
  $schedule: 'readonly',
  $request: 'readonly',
  $job: 'readonly',
  console: 'readonly',
  process: 'readonly',
};

const APP_GLOBALS: Linter.Globals = { ...globals.browser, app: 'readonly', client: 'writable', jQuery: 'readonly', $: 'readonly' };

export const PLATFORM_PLUGIN = 'fdk';

/** What still matters in generated (minified) code: hazards, not the style of code nobody maintains by hand. */
const GENERATED_CODE_RULES: Linter.RulesRecord = { 'no-eval': 'error', 'no-alert': 'error', 'no-debugger': 'error' };

/**
 * The rules fdk validate applies, at fdk's severities (PLATFORM-FACTS §1, The CLI). no-unused-vars follows the
 * ESLint defaults of fdk's era: arguments after the last used one count, caught errors do not. Minified files get
 * only the hazard rules: fdk documents skipping no-unused-vars for them, and framework-built apps (which the
 * marketplace accepts, with their sources in src/) could not pass the style rules on their bundles either.
 */
export function platformRules(profile: LintProfile, minified: boolean): Linter.RulesRecord {
  if (minified) return { ...GENERATED_CODE_RULES };
  const rules: Linter.RulesRecord = {
    'no-eval': 'error',
    'no-alert': 'error',
    'no-debugger': 'error',
    'no-unreachable': 'error',
    'no-empty-function': 'error',
    'no-caller': 'warn',
    'no-process-env': 'warn',
    complexity: ['warn', 7],
    'max-nested-callbacks': ['warn', 4],
    'handle-callback-err': 'warn',
    [`${PLATFORM_PLUGIN}/no-unhandled-promise`]: 'warn',
    [`${PLATFORM_PLUGIN}/no-logging-rejections`]: 'warn',
  };
  rules['no-unused-vars'] = ['error', { vars: 'all', args: 'after-used', caughtErrors: 'none' }];
  if (profile === 'app') rules[`${PLATFORM_PLUGIN}/no-cross-scope-assign`] = 'warn';
  return rules;
}

export const PLATFORM_RULES: Record<string, Rule.RuleModule> = {
  'no-unhandled-promise': noUnhandledPromise,
  'no-logging-rejections': noLoggingRejections,
  'no-cross-scope-assign': noCrossScopeAssign,
};

export function globalsFor(profile: LintProfile | 'page'): Linter.Globals {
  return profile === 'server' ? SERVER_GLOBALS : APP_GLOBALS;
}
