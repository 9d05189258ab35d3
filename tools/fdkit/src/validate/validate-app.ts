import { lstatSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { PackBuild } from '../pack/build-pack';
import { checkDependencies } from './check-dependencies';
import { checkFolderLinks, checkPackSize } from './check-folder';
import type { CheckContext, ValidateOptions } from './context';
import { openAppFolder, resolveFolder } from './files/app-folder';
import { type Finding, FindingSink, type ValidationReport } from './finding';
import { checkIparams } from './iparams/check-iparams';
import { lintApp } from './lint/lint-app';
import { checkLocations } from './manifest/check-locations';
import { checkProductNames } from './manifest/check-names';
import { MANIFEST_FILE } from './manifest/manifest-model';
import { readManifest } from './manifest/read-manifest';
import { checkOAuth } from './oauth/check-oauth';
import { checkRequests } from './requests/check-requests';
import { checkServer } from './server/check-server';

/** The rule of the one finding a report holds when the folder could not be validated at all (exit code 2). */
export const NOT_AN_APP = 'app-folder';

export interface ValidationRun {
  report: ValidationReport;
  /** The zip the platform would get, built while checking its size; absent when the folder was not an app. */
  pack?: PackBuild;
}

const DEFAULTS: Required<ValidateOptions> = { serverLoadTimeoutMs: 2000 };

/** Validates an FDK app folder; bad input of any kind becomes findings, never an exception. */
export function validateApp(dir: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  return Promise.resolve().then(() => runValidation(dir, options).report);
}

/** Exit code for a report: 0 valid (warnings allowed), 1 errors, 2 not an app folder. */
export function exitCodeOf(report: ValidationReport): 0 | 1 | 2 {
  if (report.ok) return 0;
  return report.errors.some((finding) => finding.rule === NOT_AN_APP) ? 2 : 1;
}

/** Validation plus the in-memory pack, so `fdkit pack` zips once. `exclude` keeps an output zip out of the pack. */
export function runValidation(dir: string, options: ValidateOptions = {}, exclude?: string): ValidationRun {
  const resolved = resolveFolder(dir);
  if (!resolved.ok) return { report: notAnApp(resolved.message) };
  // Look for the manifest before walking: pointed at a home folder by mistake, fdkit should not read it all.
  const manifest = lstatOrUndefined(join(resolved.root, MANIFEST_FILE));
  if (!manifest || manifest.isDirectory()) return { report: notAnApp(`not an FDK app: no manifest.json in ${dir}`) };
  const opened = openAppFolder(dir);
  if (!opened.ok) return { report: notAnApp(opened.message) };
  const { folder } = opened;
  const sink = new FindingSink();
  const ctx: CheckContext = { folder, sink, options: { ...DEFAULTS, ...options } };
  checkFolderLinks(ctx);
  const read = readManifest(ctx);
  const model = read.model;
  if (model) {
    checkProductNames(model, sink);
    checkLocations(model, ctx);
  }
  const iparams = checkIparams(read.products, ctx);
  const oauth = checkOAuth(model?.version, read.products, ctx);
  const scripts = lintApp(ctx);
  if (model) {
    checkServer(model, scripts, ctx);
    const facts = [...scripts].map(([file, script]) => ({ file, facts: script.facts }));
    checkRequests(model, iparams, oauth, [...facts, ...iparams.scripts], ctx);
  }
  checkDependencies(model, scripts, ctx);
  const pack = checkPackSize(ctx, exclude);
  const errors = unique(sink.errors);
  return {
    report: { ok: errors.length === 0, platformVersion: read.platformVersion, products: read.products, errors, warnings: unique(sink.warnings) },
    pack,
  };
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function notAnApp(message: string): ValidationReport {
  return { ok: false, platformVersion: null, products: [], errors: [{ rule: NOT_AN_APP, file: '.', location: '', message }], warnings: [] };
}

function unique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
