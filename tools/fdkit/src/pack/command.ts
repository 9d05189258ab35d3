import type { Command } from 'commander';
import type { CliIo } from '../cli';
import { formatBytes } from '../validate/files/app-folder';
import { guarded } from '../validate/command';
import { formatFindings } from '../validate/format-report';
import { packApp } from './pack-app';

/** `fdkit pack <appDir> [--out FILE]`: exit 0 packed, 1 refused (errors or too large), 2 not an app folder. */
export function registerPack(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('pack')
    .description('validate, then zip what the platform packs into <appDir>/dist/<folder>.zip (at most 5 MB)')
    .argument('<appDir>', 'the app folder, holding manifest.json')
    .option('--out <file>', 'write the zip to FILE instead')
    .action(async (appDir: string, options: { out?: string }) => setExitCode(await guarded('pack', io, () => runPack(appDir, options, io))));
}

export async function runPack(appDir: string, options: { out?: string }, io: CliIo): Promise<number> {
  const result = await packApp(appDir, options.out === undefined ? {} : { out: options.out });
  if (!result.ok && result.reason === 'not-an-app') {
    io.err(`fdkit pack: ${result.message}\n`);
    return 2;
  }
  io.out(formatFindings(result.report));
  if (!result.ok) {
    io.err(`fdkit pack: ${result.message}\n`);
    return 1;
  }
  io.out(`packed ${result.path} (${formatBytes(result.bytes)}, ${result.files} files)\n`);
  return 0;
}
