import type { Command } from 'commander';
import type { CliIo } from '../cli';
import { formatFindings, formatJsonReport, formatSummary } from './format-report';
import { exitCodeOf, validateApp } from './validate-app';

/** `fdkit validate <appDir> [--json]`: exit 0 valid, 1 errors, 2 not an app folder. */
export function registerValidate(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('validate')
    .description('check an FDK app folder (platform 2.0 to 2.3; 3.x structure) as fdk validate does, and more')
    .argument('<appDir>', 'the app folder, holding manifest.json')
    .option('--json', 'print one JSON object: {ok, platformVersion, products, errors, warnings}')
    .option('--strict', 'exit 1 on warnings too (for CI that keeps an app warning-free)')
    .action(async (appDir: string, options: { json?: boolean; strict?: boolean }) => setExitCode(await guarded('validate', io, () => runValidate(appDir, options, io))));
}

/** Bad input is reported as findings; an exception here is a bug in fdkit, reported in one line, not a stack. */
export async function guarded(command: string, io: CliIo, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    io.err(`fdkit ${command}: internal error, please report it: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

export async function runValidate(appDir: string, options: { json?: boolean; strict?: boolean }, io: CliIo): Promise<number> {
  const report = await validateApp(appDir);
  const plain = exitCodeOf(report);
  const code = plain === 0 && options.strict && report.warnings.length > 0 ? 1 : plain;
  if (options.json) io.out(formatJsonReport(report));
  else if (code === 2) io.err(`fdkit validate: ${report.errors[0]?.message ?? 'cannot validate'}\n`);
  else io.out(formatFindings(report) + formatSummary(report, appDir));
  return code;
}
