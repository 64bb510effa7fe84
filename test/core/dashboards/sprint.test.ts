import { sprintByNumber, sprintDays, sprintNumberOf, sprintOf } from "../../../src/core/dashboards/sprint";
import { CALENDAR } from "./fixtures";

describe("sprint calendar", () => {
  test.each<[string, number, string, string]>([
    ["2025-07-07", 1, "2025-07-07", "2025-07-20"],
    ["2025-07-20", 1, "2025-07-07", "2025-07-20"],
    ["2025-07-21", 2, "2025-07-21", "2025-08-03"],
    ["2025-07-30", 2, "2025-07-21", "2025-08-03"],
    ["2025-07-06", 0, "2025-06-23", "2025-07-06"],
    ["2026-01-01", 13, "2025-12-22", "2026-01-04"],
  ])("%s is in sprint %i", (day, number, start, end) => {
    expect(sprintNumberOf(day, CALENDAR)).toBe(number);
    expect(sprintOf(day, CALENDAR)).toEqual({ number, start, end });
  });

  test("one-week sprints and the days of a sprint (across a month end and DST)", () => {
    const weekly = { sprintLengthDays: 7, sprintFirstDay: "2025-03-03" };
    expect(sprintByNumber(5, weekly)).toEqual({ number: 5, start: "2025-03-31", end: "2025-04-06" });
    expect(sprintDays(sprintByNumber(5, weekly))).toEqual(["2025-03-31", "2025-04-01", "2025-04-02", "2025-04-03", "2025-04-04", "2025-04-05", "2025-04-06"]);
  });
});
