import { describe, expect, it } from 'vitest';
import { checkFolderLinks } from './check-folder';
import type { CheckContext } from './context';
import { FindingSink } from './finding';
import type { AppFolder } from './files/app-folder';

function folderWith(parts: Partial<AppFolder>): CheckContext {
  const folder: AppFolder = { root: '/app', files: new Map(), folders: new Set(), escapingLinks: [], linkedFolders: [], unreadable: [], truncated: false, ...parts };
  return { folder, sink: new FindingSink(), options: { serverLoadTimeoutMs: 100 } };
}

describe('checkFolderLinks', () => {
  it('reports what the walk could not read and a walk cut short', () => {
    const ctx = folderWith({ unreadable: ['app/private'], truncated: true });
    checkFolderLinks(ctx);
    expect(ctx.sink.errors).toEqual([{ rule: 'file-unreadable', file: 'app/private', location: '', message: 'app/private could not be read (permissions?); fdkit could not check it and fdk could not pack it' }]);
    expect(ctx.sink.warnings.map((w) => w.rule)).toEqual(['folder-size']);
  });

  it('reports nothing for a plain folder', () => {
    const ctx = folderWith({});
    checkFolderLinks(ctx);
    expect([...ctx.sink.errors, ...ctx.sink.warnings]).toEqual([]);
  });
});
