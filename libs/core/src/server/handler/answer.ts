import type { HandlerError, RenderData } from '../../platform/server-globals';
import { safeMessage } from './safe-message';

export interface Answer {
  succeed(result: unknown): void;
  fail(error: HandlerError): void;
  readonly sent: boolean;
}

/**
 * Answers through `renderData` exactly once: later calls are ignored, a result that has no JSON form becomes a 500,
 * and a renderData that throws is reported, never called again.
 */
export function createAnswer(label: string, renderData: RenderData, onProblem: (message: string) => void): Answer {
  let sent = false;
  const send = (error: HandlerError | null, data?: unknown): void => {
    if (sent) return;
    sent = true;
    try {
      if (error) renderData(error);
      else renderData(null, data);
    } catch (thrown) {
      onProblem(`renderData threw: ${safeMessage(thrown)}`);
    }
  };
  return {
    get sent() {
      return sent;
    },
    succeed(result) {
      const data = result ?? {};
      let json: string | undefined;
      try {
        json = JSON.stringify(data);
      } catch (thrown) {
        onProblem(`the result has no JSON form: ${safeMessage(thrown)}`);
      }
      if (json === undefined) send({ status: 500, message: `${label} failed: its result cannot be sent as JSON` });
      else send(null, data);
    },
    fail(error) {
      send(error);
    },
  };
}
