import { isPlainObject, type JsonRecord } from '../json';
import { PlatformFailure } from '../platform-error';
import { DB_ANSWERS } from './messages';

export const DB_UPDATE_ACTIONS = ['increment', 'append', 'set', 'remove'] as const;
export type DbUpdateAction = (typeof DB_UPDATE_ACTIONS)[number];

export function isDbUpdateAction(value: unknown): value is DbUpdateAction {
  return typeof value === 'string' && (DB_UPDATE_ACTIONS as readonly string[]).includes(value);
}

type Container = JsonRecord | unknown[];

const refuse = (message: string) => new PlatformFailure(400, message);

/** `logs.ticket_id:11233.timelog` and `list[0]`, as the platform's update paths spell them. */
function splitPath(path: string): string[] {
  return path.split(/\.|\[|\]/).filter((part) => part !== '');
}

function isContainer(value: unknown): value is Container {
  return Array.isArray(value) || isPlainObject(value);
}

/** The container holding the path's last part; set creates missing objects on the way. */
function parentOf(record: JsonRecord, parts: readonly string[], create: boolean): Container {
  let node: Container = record;
  for (const part of parts.slice(0, -1)) {
    let next: unknown = Array.isArray(node) ? node[Number(part)] : node[part];
    if (next === undefined && create && !Array.isArray(node)) {
      next = {};
      node[part] = next;
    }
    if (!isContainer(next)) throw refuse(DB_ANSWERS.invalidPath);
    node = next;
  }
  return node;
}

function pathsOf(attributes: unknown): string[] {
  if (!Array.isArray(attributes) || attributes.length === 0) throw refuse(DB_ANSWERS.invalidPath);
  return attributes.map((path) => {
    if (typeof path !== 'string' || splitPath(path).length === 0) throw refuse(DB_ANSWERS.invalidPath);
    return path;
  });
}

/**
 * Applies one update to a record in place. increment (numbers) and append (arrays) work on top-level attributes;
 * set and remove take dot paths.
 */
export function applyDbUpdate(record: JsonRecord, action: DbUpdateAction, attributes: unknown): void {
  if (action === 'remove') {
    for (const path of pathsOf(attributes)) {
      const parts = splitPath(path);
      const parent = parentOf(record, parts, false);
      const last = parts[parts.length - 1] ?? '';
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    }
    return;
  }
  if (!isPlainObject(attributes) || Object.keys(attributes).length === 0) throw refuse(DB_ANSWERS.wrongAttributeType);
  for (const [path, value] of Object.entries(attributes)) {
    if (action === 'set') {
      const parts = splitPath(path);
      if (parts.length === 0) throw refuse(DB_ANSWERS.invalidPath);
      const parent = parentOf(record, parts, true);
      const last = parts[parts.length - 1] ?? '';
      if (Array.isArray(parent)) parent[Number(last)] = value;
      else parent[last] = value;
      continue;
    }
    const current = record[path];
    const fits = action === 'increment' ? typeof value === 'number' : Array.isArray(value);
    const fitsCurrent = current === undefined || current === null || (action === 'increment' ? typeof current === 'number' : Array.isArray(current));
    if (!fits || !fitsCurrent) throw refuse(DB_ANSWERS.wrongAttributeType);
    record[path] = action === 'increment' ? ((current as number | null | undefined) ?? 0) + (value as number) : [...((current as unknown[] | null | undefined) ?? []), ...(value as unknown[])];
  }
}
