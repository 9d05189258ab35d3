import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The workspace these tests run in. */
export const workspaceRoot = resolve(import.meta.dirname, '../../../..');

/**
 * A copy of the workspace's working tree (tracked and untracked files git does not ignore), so uncommitted changes
 * are tested too. Its `node_modules` is a folder of links to the original's packages, except `@callbridge/*` (and
 * their `.bin` entries), which point at the copy's own projects, so code generated in the copy is what runs.
 */
export function copyWorkspace(source = workspaceRoot): string {
  const root = mkdtempSync(join(tmpdir(), 'cb-workspace-'));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: source, maxBuffer: 64 * 1024 * 1024 });
  for (const file of listed.toString('utf8').split('\0')) {
    const from = join(source, file);
    // Listed but deleted in the working tree, or a submodule: nothing to copy.
    if (!file || !existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(from, join(root, file));
  }
  linkNodeModules(source, root);
  return root;
}

function linkNodeModules(source: string, root: string): void {
  const modules = join(source, 'node_modules');
  const target = join(root, 'node_modules');
  mkdirSync(join(target, '.bin'), { recursive: true });
  for (const entry of readdirSync(modules)) {
    // Dot entries are npm's and tools' caches; only .bin is needed.
    if (entry.startsWith('.') || entry === '@callbridge') continue;
    symlinkSync(join(modules, entry), join(target, entry));
  }
  // Workspace packages and bins are relative links: recreated as they are, they resolve inside the copy.
  for (const folder of ['@callbridge', '.bin']) {
    mkdirSync(join(target, folder), { recursive: true });
    for (const entry of readdirSync(join(modules, folder))) symlinkSync(readlinkSync(join(modules, folder, entry)), join(target, folder, entry));
  }
  // Projects with their own node_modules (versions npm could not hoist) keep them.
  for (const group of ['apps', 'libs', 'tools']) {
    if (!existsSync(join(source, group))) continue;
    for (const project of readdirSync(join(source, group))) {
      const nested = join(source, group, project, 'node_modules');
      if (existsSync(nested) && existsSync(join(root, group, project))) symlinkSync(nested, join(root, group, project, 'node_modules'));
    }
  }
}

/** What a command printed (stdout and stderr) and whether it exited 0. */
export interface Outcome {
  ok: boolean;
  output: string;
}

/** Runs a command in the copy with Nx's daemon, cloud and colours off; never throws for a failing command. */
export function attempt(root: string, command: string, args: readonly string[]): Outcome {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}${result.error ? String(result.error) : ''}` };
}

/** As `attempt`, but a failure throws with the command and everything it printed. */
export function run(root: string, command: string, args: readonly string[]): string {
  const outcome = attempt(root, command, args);
  if (!outcome.ok) throw new Error(`${command} ${args.join(' ')} failed in ${root}:\n${outcome.output}`);
  return outcome.output;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
