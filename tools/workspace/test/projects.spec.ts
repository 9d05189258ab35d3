import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
    ['crm-connector', ['scope:serverless', 'type:feature']],
    ['phone-provider', ['scope:serverless', 'type:feature']],
    ['fdkit', ['scope:tooling', 'type:tool']],
  ])('tags %s on both axes', (project, tags) => {
    expect(tagsOf(project).filter((t) => /^(scope|type):/.test(t)).sort()).toEqual(tags);
  });
});

describe('nx project graph', () => {
  it('knows who depends on whom, so affected runs reach every dependant', () => {
    const file = resolve(workspaceRoot, '.nx/workspace-data/graph-check.json');
    execFileSync('npx', ['--no-install', 'nx', 'graph', `--file=${file}`], { cwd: workspaceRoot, stdio: 'ignore' });
    const { graph } = JSON.parse(readFileSync(file, 'utf8')) as { graph: { dependencies: Record<string, { target: string }[]> } };
    const deps = (project: string) => graph.dependencies[project]!.map((d) => d.target).sort();
    expect(deps('frontend')).toEqual(['contracts', 'core', 'ui']);
    expect(deps('ui')).toEqual(['core']);
    expect(deps('serverless')).toEqual(['contracts', 'core', 'crm-connector', 'phone-provider']);
    expect(deps('crm-connector')).toEqual(['contracts', 'core']);
    expect(deps('phone-provider')).toEqual(['contracts', 'core']);
    expect(deps('contracts')).toEqual(['core']);
    expect(deps('core')).toEqual([]);
  });
});
