import { Linter } from 'eslint';
import { ContentMemo } from '../memo';
import { globalsFor, type LintProfile, PLATFORM_PLUGIN, PLATFORM_RULES, platformRules } from './lint-config';
import { isMinified } from './minified';
import { emptyFacts, factsRule, type ScriptFacts } from './script-facts';

export interface LintMessage {
  ruleId: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  message: string;
}

export interface ScriptAnalysis {
  facts: ScriptFacts;
  messages: LintMessage[];
  minified: boolean;
  /** Set when the script does not parse, as a script or as a module. */
  syntaxError?: { line: number; column: number; message: string };
}

export interface AnalyzeOptions {
  /** Lint with the platform's rules for this kind of code; without it only facts are gathered. */
  lint?: LintProfile;
  /** Globals to assume when only gathering facts (install pages run in the browser). */
  globals?: LintProfile | 'page';
}

const linter = new Linter({ configType: 'flat' });
const memo = new ContentMemo<ScriptAnalysis>(32 * 1024 * 1024);

/**
 * Parses a script once and returns its lint messages and facts; a syntax error is a value, not a throw.
 * Results are remembered by path, options and content; callers must not change what they get.
 */
export function analyzeScript(source: string, path: string, options: AnalyzeOptions = {}): ScriptAnalysis {
  const key = JSON.stringify([path, options.lint ?? null, options.globals ?? null, source]);
  return memo.get(key, source.length + path.length, () => analyze(source, path, options));
}

function analyze(source: string, path: string, options: AnalyzeOptions): ScriptAnalysis {
  const minified = isMinified(path, source);
  const first = run(source, path, 'script', options, minified);
  if (!first.syntaxError) return first;
  // Front-end bundles may be ES modules; try that before calling the file broken.
  const second = run(source, path, 'module', options, minified);
  return second.syntaxError ? first : second;
}

function run(source: string, path: string, sourceType: 'script' | 'module', options: AnalyzeOptions, minified: boolean): ScriptAnalysis {
  const facts = emptyFacts();
  const rules: Linter.RulesRecord = options.lint ? platformRules(options.lint, minified) : {};
  rules['fdkit/facts'] = 'error';
  const config: Linter.Config[] = [
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType, globals: globalsFor(options.lint ?? options.globals ?? 'page') },
      // Platform checks cannot be switched off from inside the app, so eslint-disable comments are ignored.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      plugins: {
        [PLATFORM_PLUGIN]: { rules: PLATFORM_RULES },
        fdkit: { rules: { facts: factsRule(facts) } },
      },
      rules,
    },
  ];
  const filename = path.endsWith('.js') ? path : `${path}.js`;
  const messages: LintMessage[] = [];
  for (const message of linter.verify(source, config, { filename })) {
    if (message.fatal) {
      return { facts, messages: [], minified, syntaxError: { line: message.line, column: message.column, message: message.message } };
    }
    if (message.ruleId === null) continue;
    messages.push({
      ruleId: message.ruleId.replace(`${PLATFORM_PLUGIN}/`, ''),
      severity: message.severity === 2 ? 'error' : 'warning',
      line: message.line,
      column: message.column,
      message: message.message,
    });
  }
  return { facts, messages, minified };
}
