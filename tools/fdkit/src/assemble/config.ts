import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PRODUCTS } from '@callbridge/core';

/** `fdkit.json` at the workspace root: what the app is and where its projects build to. */
export const workspaceConfigSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and -'),
  description: z.string().min(1),
  products: z.array(z.enum(PRODUCTS)).min(1),
  platformVersion: z.enum(['2.1', '2.2', '2.3']).default('2.1'),
  engines: z.object({ node: z.string(), fdk: z.string() }),
  frontend: z.string(),
  serverless: z.string(),
  /** Project folders whose sources ship in the app's `src/`, as the marketplace asks of framework-built apps. */
  sources: z.array(z.string()).min(1),
  out: z.string().default('dist/fdk'),
});
export type WorkspaceConfig = z.infer<typeof workspaceConfigSchema>;

export class AssembleError extends Error {
  override name = 'AssembleError';
}

export async function readWorkspaceConfig(workspaceRoot: string): Promise<WorkspaceConfig> {
  const file = join(workspaceRoot, 'fdkit.json');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AssembleError(`${file}: not found; fdkit assemble needs it at the workspace root`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AssembleError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = workspaceConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AssembleError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
