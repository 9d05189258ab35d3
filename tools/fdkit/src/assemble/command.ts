import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import type { PlatformVersion } from '@callbridge/core';
import type { CliIo } from '../cli';
import { assemble } from './assemble';
import { AssembleError } from './config';

/** `fdkit assemble`: the built projects of the workspace become one FDK-layout folder. */
export function registerAssemble(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('assemble')
    .description('write the FDK-layout app folder (dist/fdk by default) from the built front end and serverless projects')
    .option('--root <dir>', 'workspace root holding fdkit.json', '.')
    .option('--out <dir>', 'output folder, relative to the root (default: fdkit.json "out")')
    .option('--platform <version>', 'platform version to emit: 2.1, 2.2 or 2.3 (default: fdkit.json "platformVersion")')
    .action(async (options: { root: string; out?: string; platform?: string }) => {
      const workspaceRoot = resolve(options.root);
      if (options.platform !== undefined && !['2.1', '2.2', '2.3'].includes(options.platform)) {
        io.err(`fdkit assemble: --platform must be 2.1, 2.2 or 2.3, not "${options.platform}"\n`);
        setExitCode(2);
        return;
      }
      try {
        const result = await assemble({
          workspaceRoot,
          ...(options.out === undefined ? {} : { out: options.out }),
          ...(options.platform === undefined ? {} : { platformVersion: options.platform as PlatformVersion }),
        });
        io.out(`Assembled ${result.app.name} (${result.app.products.join(', ')}) into ${relative(process.cwd(), result.outDir) || '.'}: ${result.files.length} files\n`);
      } catch (error) {
        if (!(error instanceof AssembleError)) throw error;
        io.err(`fdkit assemble: ${error.message}\n`);
        setExitCode(1);
      }
    });
}
