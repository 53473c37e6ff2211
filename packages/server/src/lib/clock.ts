/** Time comes from here, never from `new Date()` in business code: tests and `--now` move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is put (tests, `jobs:run --now`). */
export class ManualClock implements Clock {
  #current: Date;
  constructor(start: Date | string) {
    this.#current = new Date(start);
  }
  now(): Date {
    return new Date(this.#current);
  }
  set(to: Date | string): void {
    this.#current = new Date(to);
  }
  advanceDays(days: number): void {
    this.#current = new Date(this.#current.getTime() + days * 86_400_000);
  }
  advanceMs(ms: number): void {
    this.#current = new Date(this.#current.getTime() + ms);
  }
}
