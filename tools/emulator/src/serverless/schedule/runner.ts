import type { Clock } from '../../clock';
import type { Schedules, StoredSchedule } from './schedules';

/** Timers are re-checked at least this often, so a clock that jumps or speeds up is noticed. */
const MAX_TIMER_MS = 5_000;

/**
 * Fires schedules when the emulated clock reaches them, with one real timer for the soonest. A schedule whose time
 * passed while the emulator was stopped runs once at start; a recurring one then moves on to its next time.
 */
export class ScheduleRunner {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private arming = false;

  constructor(
    private readonly schedules: Schedules,
    private readonly clock: Clock,
    private readonly fire: (schedule: StoredSchedule) => void,
  ) {
    schedules.onChange = () => this.arm();
  }

  start(): void {
    this.stopped = false;
    this.arm();
  }

  /** Runs what is due now and sets the timer for the next one. */
  arm(): void {
    // ran() below reports a change, which calls arm() again; the outer call sets the timer once it is done.
    if (this.arming) return;
    this.arming = true;
    try {
      clearTimeout(this.timer);
      this.timer = undefined;
      if (this.stopped) return;
      for (let due = this.due(); due.length > 0; due = this.due()) {
        for (const schedule of due) {
          this.schedules.ran(schedule);
          this.fire(schedule);
        }
      }
      const next = this.schedules.all()[0];
      if (!next) return;
      this.timer = setTimeout(() => this.arm(), Math.min(MAX_TIMER_MS, Math.ceil(this.clock.realDelayUntil(next.next_run_at))));
      this.timer.unref();
    } finally {
      this.arming = false;
    }
  }

  private due(): StoredSchedule[] {
    const now = this.clock.nowMs();
    return this.schedules.all().filter((s) => s.next_run_at <= now);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
