import type { Redactor } from './redact';

/** Where logs go: the sandbox's `console` by default. */
export type LogSink = Pick<Console, 'info' | 'warn' | 'error'>;

export interface HandlerLogger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** A logger that prefixes the handler's name and redacts secrets from the message and every detail. */
export function createHandlerLogger(label: string, redactor: Redactor, sink: LogSink = console): HandlerLogger {
  const write =
    (level: keyof LogSink) =>
    (message: string, ...details: unknown[]): void => {
      const safe = details.map((detail) =>
        detail instanceof Error ? redactor.scrub(detail.stack ?? `${detail.name}: ${detail.message}`) : redactor.redact(detail),
      );
      sink[level](`[${label}] ${redactor.scrub(message)}`, ...safe);
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
