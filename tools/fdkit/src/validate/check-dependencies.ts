import { builtinModules } from 'node:module';
import type { CheckContext } from './context';
import { parentOf, resolveInApp } from './files/app-folder';
import { formatJsonPath } from './json-path';
import type { ScriptRecord } from './lint/lint-app';
import { MANIFEST_FILE, type ManifestModel } from './manifest/manifest-model';

const BUILTINS = new Set(builtinModules);

/**
 * Server code may require only files under server/ and the npm packages the manifest declares; a declared
 * package no server code requires is fdk's no-dependency-mismatch error.
 */
export function checkDependencies(model: ManifestModel | undefined, scripts: ReadonlyMap<string, ScriptRecord>, ctx: CheckContext): void {
  const declared = new Map((model?.dependencies ?? []).map((d) => [d.name, d]));
  const used = new Set<string>();
  for (const [file, script] of scripts) {
    if (script.profile !== 'server') continue;
    for (const { name, line, column } of script.facts.requires) {
      const at = `${line}:${column}`;
      if (name.startsWith('./') || name.startsWith('../')) checkLocalRequire(file, name, at, ctx);
      else if (name.startsWith('/')) ctx.sink.error('server-require', file, at, `require("${name}") uses an absolute path; require files relative to this one, such as "./lib/helper"`);
      else if (BUILTINS.has(name) || name.startsWith('node:')) {
        ctx.sink.warn('server-require', file, at, `require("${name}") loads a Node built-in module; the platform's sandbox resolves only files in server/ and declared dependencies`);
      } else {
        const pkg = packageName(name);
        used.add(pkg);
        if (!declared.has(pkg) && model) {
          ctx.sink.error('dependency-undeclared', file, at, `require("${name}") needs npm package "${pkg}", which manifest.json does not declare; add "dependencies": {"${pkg}": "<exact version>"}`);
        }
      }
    }
  }
  for (const [name, { path }] of declared) {
    if (!used.has(name)) {
      ctx.sink.error('no-dependency-mismatch', MANIFEST_FILE, formatJsonPath(path), `dependency "${name}" is declared in manifest.json but no server code requires it; remove it or use it`);
    }
  }
}

function checkLocalRequire(file: string, name: string, at: string, ctx: CheckContext): void {
  const base = resolveInApp(parentOf(file), name);
  const candidates = base === undefined ? [] : [base, `${base}.js`, `${base}.json`, `${base}/index.js`];
  const found = candidates.find((candidate) => ctx.folder.files.has(candidate));
  if (found === undefined) {
    ctx.sink.error('server-require', file, at, `require("${name}") finds no file (looked for ${candidates[1] ?? name}); the platform packs only what is under server/`);
  } else if (!found.startsWith('server/')) {
    ctx.sink.error('server-require', file, at, `require("${name}") reaches ${found}, outside server/; serverless code may load only files under server/`);
  }
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
