import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { appRelative, CodeProblemError, syntaxProblem } from './code-problem';

/**
 * Every file runs as a function of (exports, require, module, __filename, __dirname) that gives back the final
 * value of its `exports` binding, so `exports = {...}` (how FDK apps export) works as well as `module.exports`.
 * The head stays on line 1 so line numbers match the file.
 */
export const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n;return exports;\n})';

/** The app's server/ folder: compiles each file once per reload, so every invocation's fresh sandbox reuses it. */
export class ServerCode {
  readonly serverDir: string;
  readonly entry: string;
  private scripts = new Map<string, vm.Script>();

  constructor(readonly appDir: string) {
    this.serverDir = join(appDir, 'server');
    this.entry = join(this.serverDir, 'server.js');
  }

  exists(): boolean {
    return existsSync(this.entry);
  }

  /** Forgets compiled files, after the app folder changed. */
  clear(): void {
    this.scripts.clear();
  }

  /** The compiled wrapper of one .js file; a CodeProblemError naming file, line and column if it does not compile. */
  script(file: string): vm.Script {
    const cached = this.scripts.get(file);
    if (cached) return cached;
    const source = readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .replace(/^#!.*/, '');
    let script: vm.Script;
    try {
      script = new vm.Script(WRAPPER_HEAD + source + WRAPPER_TAIL, { filename: file });
    } catch (error) {
      if (error instanceof SyntaxError) throw new CodeProblemError(syntaxProblem(error, this.appDir, file, WRAPPER_HEAD.length));
      throw error;
    }
    this.scripts.set(file, script);
    return script;
  }

  relative(file: string): string {
    return appRelative(this.appDir, file);
  }
}
