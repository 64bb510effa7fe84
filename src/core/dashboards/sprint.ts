/** Sprint arithmetic on "yyyy-MM-dd" dates, in whole UTC days (no time zones involved). */

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / DAY_MS);
}

export function isoDay(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

export interface Sprint {
  /** 1 for the sprint starting on the first day; 0 and below for earlier ones. */
  number: number;
  start: string;
  /** Last day, inclusive. */
  end: string;
}

export interface SprintCalendar {
  sprintLengthDays: number;
  sprintFirstDay: string;
}

export function sprintNumberOf(isoDate: string, calendar: SprintCalendar): number {
  return Math.floor((dayNumber(isoDate) - dayNumber(calendar.sprintFirstDay)) / calendar.sprintLengthDays) + 1;
}

export function sprintByNumber(number: number, calendar: SprintCalendar): Sprint {
  const start = dayNumber(calendar.sprintFirstDay) + (number - 1) * calendar.sprintLengthDays;
  return { number, start: isoDay(start), end: isoDay(start + calendar.sprintLengthDays - 1) };
}

export function sprintOf(isoDate: string, calendar: SprintCalendar): Sprint {
  return sprintByNumber(sprintNumberOf(isoDate, calendar), calendar);
}

/** Every day of a sprint, in order. */
export function sprintDays(sprint: Sprint): string[] {
  const days: string[] = [];
  for (let d = dayNumber(sprint.start); d <= dayNumber(sprint.end); d++) days.push(isoDay(d));
  return days;
}
