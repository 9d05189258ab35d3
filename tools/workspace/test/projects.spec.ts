import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const workspaceRoot = resolve(import.meta.dirname, '../../..');

function tagsOf(project: string): string[] {
  const json = execFileSync('npx', ['--no-install', 'nx', 'show', 'project', project, '--json'], { cwd: workspaceRoot, encoding: 'utf8' });
  return (JSON.parse(json) as { tags: string[] }).tags;
}

describe('nx projects', () => {
  it('lists every project of the design card', () => {
    const projects = JSON.parse(
      execFileSync('npx', ['--no-install', 'nx', 'show', 'projects', '--json'], { cwd: workspaceRoot, encoding: 'utf8' }),
    ) as string[];
    expect(projects).toEqual(expect.arrayContaining(['frontend', 'serverless', 'core', 'ui', 'fdkit']));
  });

  it.each([
    ['core', ['scope:shared', 'type:core']],
    ['ui', ['scope:frontend', 'type:ui']],
    ['frontend', ['scope:frontend', 'type:app']],
    ['serverless', ['scope:serverless', 'type:app']],
    ['fdkit', ['scope:tooling', 'type:tool']],
  ])('tags %s on both axes', (project, tags) => {
    expect(tagsOf(project).filter((t) => /^(scope|type):/.test(t)).sort()).toEqual(tags);
  });
});
