/** Time comes from here, never from `new Date()` in services or `now()` in SQL, so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests set and advance. */
export class TestClock implements Clock {
  private t: number;
  constructor(start: Date | string = '2026-03-02T01:00:00.000Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }
}

/** YYYY-MM-DD in China Standard Time (UTC+8 all year: no daylight saving). */
export function localDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The instants a calendar year spans in China time (UTC+8): [1 January 00:00, next 1 January 00:00). */
export function chinaYearBounds(year: number): [Date, Date] {
  return [new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${year + 1}-01-01T00:00:00+08:00`)];
}
