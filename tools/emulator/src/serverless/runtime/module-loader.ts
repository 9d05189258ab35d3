import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import vm from 'node:vm';
import type { ServerCode } from './server-code';

interface ModuleRecord {
  exports: unknown;
}

type Wrapper = (this: unknown, exports: unknown, require: (spec: unknown) => unknown, module: ModuleRecord, filename: string, dirname: string) => unknown;

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** `lodash/get` is lodash; `@scope/pkg/x` is @scope/pkg. */
function packageName(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/**
 * `require` as the platform's sandbox offers it, one per invocation: files inside server/ (run in the same sandbox,
 * each once), and npm packages the manifest declares under `dependencies`, from the app's node_modules. Anything
 * else, Node's built-in modules included, is "Cannot find module".
 */
export class ModuleLoader {
  private readonly cache = new Map<string, ModuleRecord>();
  private readonly packages: NodeJS.Require;

  constructor(
    private readonly context: vm.Context,
    private readonly code: ServerCode,
    private readonly dependencies: readonly string[],
  ) {
    this.packages = createRequire(join(code.appDir, 'package.json'));
  }

  /** Runs a file of server/ (once) and answers what it exports. */
  load(file: string): unknown {
    const cached = this.cache.get(file);
    if (cached) return cached.exports;
    if (file.endsWith('.json')) {
      const record = { exports: this.fromJson(readFileSync(file, 'utf8')) };
      this.cache.set(file, record);
      return record.exports;
    }
    const initial: unknown = vm.runInContext('({})', this.context);
    const record: ModuleRecord = { exports: initial };
    this.cache.set(file, record);
    const wrapper = this.code.script(file).runInContext(this.context) as Wrapper;
    const binding = wrapper.call(initial, initial, (spec) => this.require(dirname(file), spec), record, file, dirname(file));
    // `module.exports = x` wins; otherwise the final `exports` binding, which `exports = {...}` reassigns.
    if (record.exports === initial) record.exports = binding;
    return record.exports;
  }

  /** A JSON text as objects of the sandbox's realm, so `instanceof Object` holds inside server.js. */
  fromJson(text: string): unknown {
    const json = vm.runInContext('JSON', this.context) as JSON;
    return json.parse(text);
  }

  private require(fromDir: string, spec: unknown): unknown {
    if (typeof spec !== 'string' || spec === '') throw this.notFound(String(spec), 'require() needs a module name');
    if (spec.startsWith('./') || spec.startsWith('../') || isAbsolute(spec)) return this.load(this.resolveFile(fromDir, spec));
    if (isBuiltin(spec)) throw this.notFound(spec, "the serverless sandbox offers no Node.js built-in modules");
    const name = packageName(spec);
    if (!this.dependencies.includes(name)) throw this.notFound(spec, `declare "${name}" in manifest.json "dependencies"`);
    let path: string;
    try {
      path = this.packages.resolve(spec);
    } catch {
      path = '';
    }
    const nodeModules = join(this.code.appDir, 'node_modules');
    if (!path || relative(nodeModules, path).startsWith('..')) {
      throw this.notFound(spec, `"${name}" is declared in manifest.json but not installed; run npm install in ${this.code.appDir}`);
    }
    return this.packages(spec);
  }

  private resolveFile(fromDir: string, spec: string): string {
    const base = resolve(fromDir, spec);
    const candidates = [base, `${base}.js`, `${base}.json`, join(base, 'index.js'), join(base, 'index.json')];
    const found = candidates.find(isFile);
    if (!found || relative(this.code.serverDir, found).startsWith('..')) {
      throw this.notFound(spec, found ? 'only files inside server/ can be required' : `no such file from ${this.code.relative(fromDir) || '.'}`);
    }
    return found;
  }

  /** An Error of the sandbox's realm, as Node words it, with a hint. */
  private notFound(spec: string, hint: string): Error {
    const SandboxError = vm.runInContext('Error', this.context) as ErrorConstructor;
    const error = new SandboxError(`Cannot find module '${spec}': ${hint}`) as Error & { code?: string };
    error.code = 'MODULE_NOT_FOUND';
    return error;
  }
}
