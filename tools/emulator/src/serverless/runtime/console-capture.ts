import { formatWithOptions } from 'node:util';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogLine {
  level: LogLevel;
  message: string;
  /** Emulated time, ISO. */
  at: string;
}

/** A `console` for server.js whose every line goes to `sink`; formatted as Node's console would. */
export function captureConsole(sink: (level: LogLevel, message: string) => void): Record<string, (...args: unknown[]) => void> {
  const line =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      sink(level, formatWithOptions({ depth: 4, breakLength: Infinity }, ...args));
  return { log: line('log'), info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug'), trace: line('debug'), dir: line('log') };
}
