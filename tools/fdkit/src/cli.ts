import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { registerAssemble } from './assemble/command';
import { registerPack } from './pack/command';
import { registerRun } from './run/command';
import { registerValidate } from './validate/command';

interface PackageJson {
  version: string;
}

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as PackageJson;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function createProgram(io: CliIo, state: { exitCode: number } = { exitCode: 0 }): Command {
  const program = new Command('fdkit')
    .description('Assemble, validate, pack and run Freshworks FDK apps offline, with no account.')
    .version(packageJson.version, '-v, --version', 'print the fdkit version')
    .helpOption('-h, --help', 'show help for fdkit or a command')
    .showHelpAfterError('(run fdkit --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  registerAssemble(program, io, (code) => (state.exitCode = code));
  registerValidate(program, io, (code) => (state.exitCode = code));
  registerPack(program, io, (code) => (state.exitCode = code));
  registerRun(program, io, (code) => (state.exitCode = code));
  return program;
}

/** Runs fdkit with the given arguments and resolves its exit code; never throws for bad usage. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const state = { exitCode: 0 };
  const program = createProgram(io, state);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end through exitOverride with exit code 0; bad usage is exit code 2.
    return error.exitCode === 0 ? 0 : 2;
  }
}
