import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resetData, startEmulator, type Emulator } from '@callbridge/emulator';
import type { CliIo } from '../cli';
import { validateApp } from '../validate/index';

export interface RunOptions {
  port: string;
  reset?: boolean;
  iparams?: string;
  clock: string;
  live?: boolean;
  watch: boolean;
}

/** Parses `fdkit run` options into emulator options, or explains the first bad one. */
export async function emulatorOptions(appDir: string, options: RunOptions, io: CliIo) {
  const dir = resolve(appDir);
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) return { error: `fdkit run: ${appDir} is not a folder` };
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) return { error: `fdkit run: --port must be a port number, not "${options.port}"` };
  const clockSpeed = Number(options.clock);
  if (!(clockSpeed > 0)) return { error: `fdkit run: --clock must be a positive number, not "${options.clock}"` };
  let iparams: Record<string, unknown> | undefined;
  if (options.iparams) {
    try {
      const parsed = JSON.parse(await readFile(resolve(options.iparams), 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected an object of iparam names to values');
      iparams = parsed as Record<string, unknown>;
    } catch (error) {
      return { error: `fdkit run: --iparams ${options.iparams}: ${(error as Error).message}` };
    }
  }
  return {
    options: {
      appDir: dir,
      port,
      clockSpeed,
      live: options.live === true,
      watch: options.watch,
      ...(iparams ? { iparams } : {}),
      validate: async (folder: string) => {
        const report = await validateApp(folder);
        return { errors: report.errors, warnings: report.warnings };
      },
      log: (line: string) => io.out(`${line}\n`),
    },
  };
}

/** `fdkit run <appDir>`: serves the app in the emulator until interrupted. */
export function registerRun(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('run')
    .description('run an FDK app in the local emulator of Freshworks CRM and Freshsales (no account, no network)')
    .argument('<appDir>', 'the app folder (the one holding manifest.json)')
    .option('--port <port>', 'port to serve on', '10001')
    .option('--iparams <file>', 'install at start with these values (one object, or one per product)')
    .option('--clock <speed>', 'run emulated time this many times faster (schedules, TTLs)', '1')
    .option('--live', 'send requests for hosts the emulator does not emulate to the real network')
    .option('--no-watch', 'do not reload when the app folder changes')
    .option('--reset', 'start from the seeded CRM records, with no $db data or schedules (installations stay)')
    .action(async (appDir: string, options: RunOptions) => {
      const parsed = await emulatorOptions(appDir, options, io);
      if ('error' in parsed) {
        io.err(`${parsed.error}\n`);
        setExitCode(2);
        return;
      }
      if (options.reset) await resetData(parsed.options.appDir);
      let emulator: Emulator;
      try {
        emulator = await startEmulator(parsed.options);
      } catch (error) {
        io.err(`fdkit run: could not start: ${(error as Error).message}\n`);
        setExitCode(2);
        return;
      }
      io.out(`Emulator running at ${emulator.url} (Ctrl+C to stop)\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          void emulator.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
