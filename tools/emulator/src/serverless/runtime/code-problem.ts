import { relative, sep } from 'node:path';

/** Why server.js (or a file it requires) cannot run: where, and the engine's words. */
export interface CodeProblem {
  /** Relative to the app folder, with forward slashes: `server/server.js`. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** Raised by the loader for a file that does not compile; the message names file and line. */
export class CodeProblemError extends Error {
  override name = 'CodeProblemError';
  constructor(readonly problem: CodeProblem) {
    super(describeProblem(problem));
  }
}

/** `server/server.js:3:9: SyntaxError: Unexpected token ';'` */
export function describeProblem(problem: CodeProblem): string {
  const at = problem.line === undefined ? '' : `:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  return `${problem.file}${at}: ${problem.message}`;
}

export function appRelative(appDir: string, file: string): string {
  return relative(appDir, file).split(sep).join('/');
}

/**
 * Reads file, line and column from a SyntaxError V8 raised while compiling: its stack starts with `<file>:<line>`,
 * the source line, then a caret under the column. `firstLineShift` is what the loader's wrapper adds to line 1.
 */
export function syntaxProblem(error: Error, appDir: string, file: string, firstLineShift: number): CodeProblem {
  const lines = (error.stack ?? '').split('\n');
  const head = /:(\d+)$/.exec(lines[0] ?? '');
  const line = head ? Number(head[1]) : undefined;
  const caret = lines[2]?.indexOf('^') ?? -1;
  const column = caret >= 0 ? caret + 1 - (line === 1 ? firstLineShift : 0) : undefined;
  return {
    file: appRelative(appDir, file),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined && column > 0 ? { column } : {}),
    message: `${error.name}: ${error.message}`,
  };
}

/**
 * A thrown value as one line for the invocation's result: the message plus where in the app's server/ folder it
 * was thrown (`TypeError: x is not a function (server/server.js:12:5)`).
 */
export function describeThrown(error: unknown, appDir: string): string {
  if (error instanceof CodeProblemError) return error.message;
  if (typeof error !== 'object' || error === null) return `Uncaught ${typeof error === 'string' ? JSON.stringify(error) : String(error)}`;
  const { name, message, stack } = error as { name?: unknown; message?: unknown; stack?: unknown };
  const text = typeof message === 'string' ? `${typeof name === 'string' ? name : 'Error'}: ${message}` : `Uncaught ${safeJson(error)}`;
  const where = typeof stack === 'string' ? locate(stack, appDir) : undefined;
  return where ? `${text} (${where})` : text;
}

/** The first frame inside the app folder, preferring a full `file:line:column` frame over Node's `file:line` header. */
function locate(stack: string, appDir: string): string | undefined {
  const prefix = appDir.endsWith(sep) ? appDir : appDir + sep;
  let lineOnly: string | undefined;
  for (const frame of stack.split('\n')) {
    const at = frame.indexOf(prefix);
    if (at < 0) continue;
    const match = /^(.*?):(\d+)(?::(\d+))?/.exec(frame.slice(at));
    if (!match?.[1]) continue;
    const where = `${appRelative(appDir, match[1])}:${match[2]}`;
    if (match[3]) return `${where}:${match[3]}`;
    lineOnly ??= where;
  }
  return lineOnly;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
