import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `fdkit run --reset`: forgets what the serverless area keeps on disk for an app (its `$db` data and schedules),
 * before the emulator starts. Installations stay. A running emulator resets with `POST /_emulator/reset`.
 */
export async function resetData(appDir: string): Promise<void> {
  await Promise.all(['db.json', 'schedules.json'].map((file) => rm(join(appDir, '.fdk', file), { force: true })));
}
