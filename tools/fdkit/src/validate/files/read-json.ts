import type { FindingSink } from '../finding';
import { type AppFolder, readAppText } from './app-folder';
import { findJsonSyntaxError } from './json-syntax';

/** Config files are small; anything larger than this is a mistake, not a config. */
export const MAX_JSON_BYTES = 1024 * 1024;

export type JsonRead = { status: 'missing' } | { status: 'broken' } | { status: 'parsed'; value: unknown };

/**
 * Reads and parses a JSON file of the app. A missing file is the caller's business; a file that cannot
 * be read or parsed is reported (under `rule`, with line and column) and comes back as broken.
 */
export function readJsonFile(folder: AppFolder, path: string, sink: FindingSink, rule = 'json-syntax'): JsonRead {
  if (!folder.files.has(path)) return { status: 'missing' };
  const text = readAppText(folder, path, MAX_JSON_BYTES);
  if (!text.ok) {
    sink.error('file-unreadable', path, '', `${text.message}; it must be a UTF-8 JSON file`);
    return { status: 'broken' };
  }
  try {
    return { status: 'parsed', value: JSON.parse(text.value) as unknown };
  } catch {
    const found = findJsonSyntaxError(text.value);
    const where = found ? `${found.line}:${found.column}` : '';
    sink.error(rule, path, where, `invalid JSON: ${found?.message ?? 'the file could not be parsed'}`);
    return { status: 'broken' };
  }
}
