import type { Emulator } from '../../src/emulator';
import { startEmulator } from '../../src/emulator';
import type { EmulatorOptions } from '../../src/context';
import { copyFixture } from './app-dir';

/** Starts the whole emulator in-process on a free port, on a copy of a fixture app. */
export async function startFixture(name: string, options: Partial<EmulatorOptions> = {}): Promise<Emulator & { dir: string }> {
  const copy = await copyFixture(name);
  const emulator = await startEmulator({ appDir: copy.dir, port: 0, log: () => {}, ...options });
  return {
    ...emulator,
    dir: copy.dir,
    async close() {
      await emulator.close();
      await copy.remove();
    },
  };
}
