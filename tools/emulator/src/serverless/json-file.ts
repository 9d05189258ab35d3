import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * One JSON file under `<appDir>/.fdk/`, written whole and atomically (temp file, then rename), one write at a
 * time; a save asked for while one runs is folded into the next.
 */
export class JsonFile {
  private pending: (() => unknown) | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  /** The parsed file, or undefined when it is missing or not JSON (a broken file is not worth stopping for). */
  async read(): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Saves what `snapshot` returns when the write happens. */
  save(snapshot: () => unknown): Promise<void> {
    const queued = this.pending !== undefined;
    this.pending = snapshot;
    if (!queued) {
      this.writing = this.writing.then(() => this.writeNow()).catch((error: unknown) => console.error(`emulator: could not write ${this.path}:`, error));
    }
    return this.writing;
  }

  /** Resolves once every save asked for so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  async remove(): Promise<void> {
    await this.flush();
    await rm(this.path, { force: true });
  }

  private async writeNow(): Promise<void> {
    const snapshot = this.pending;
    this.pending = undefined;
    if (!snapshot) return;
    await mkdir(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, `${JSON.stringify(snapshot(), null, 2)}\n`);
    await rename(temp, this.path);
  }
}
