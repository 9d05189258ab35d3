import { INTERFACE_LIMITS, type InterfaceResults } from '../../platform/client';
import { later, pending, platformError } from './errors';

export type ConfirmAnswer = 'Save' | 'Cancel';

/** A `showConfirm` the fake showed, with the answer it got (undefined while pending or after timing out). */
export interface ConfirmRecord {
  instanceId: string;
  title: string;
  message: string;
  saveLabel?: string;
  cancelLabel?: string;
  answer?: ConfirmAnswer;
}

interface Waiting {
  record: ConfirmRecord;
  settle(answer: ConfirmAnswer): void;
}

/**
 * The user's side of `showConfirm`: tests answer the dialog that is showing (`answer`) or the next ones in advance
 * (`answerNext`). Unanswered, it rejects after 10 s like the platform (with `setTimeout`, so fake timers apply).
 */
export class ConfirmDesk {
  readonly records: ConfirmRecord[] = [];
  private readonly queued: ConfirmAnswer[] = [];
  private readonly waiting: Waiting[] = [];

  constructor(private readonly resultShape: 'object' | 'string') {}

  show(record: ConfirmRecord): Promise<InterfaceResults['showConfirm']> {
    this.records.push(record);
    const result = (answer: ConfirmAnswer): InterfaceResults['showConfirm'] => {
      record.answer = answer;
      return this.resultShape === 'object' ? { message: answer } : answer;
    };
    const preset = this.queued.shift();
    if (preset !== undefined) return later(() => result(preset));

    const waiting = pending<InterfaceResults['showConfirm']>();
    const entry: Waiting = {
      record,
      settle: (answer) => {
        clearTimeout(timer);
        waiting.resolve(result(answer));
      },
    };
    const timer = setTimeout(() => {
      this.waiting.splice(this.waiting.indexOf(entry), 1);
      waiting.fail(platformError(504, `showConfirm "${record.title}": the user did not answer within ${INTERFACE_LIMITS.confirmTimeoutMs / 1000} s.`, 'PLATFORM'));
    }, INTERFACE_LIMITS.confirmTimeoutMs);
    this.waiting.push(entry);
    return waiting.promise;
  }

  answer(answer: ConfirmAnswer): void {
    const entry = this.waiting.shift();
    if (entry === undefined) throw new Error('answerConfirm: no showConfirm is waiting; use answerNextConfirm to answer one before it shows.');
    entry.settle(answer);
  }

  answerNext(answer: ConfirmAnswer): void {
    this.queued.push(answer);
  }
}
