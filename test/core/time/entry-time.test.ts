import { chooseEntryTime, timeFromFileName } from "../../../src/core/time/entry-time";
import { capturedAtIso, toLocalIso } from "../../../src/core/time/local-iso";
import { logNotePath } from "../../../src/core/time/log-note-path";

const iso = (d: Date | null) => (d ? toLocalIso(d) : null);

test.each([
  ["Recording 20250730153012.webm", "2025-07-30T15:30"],
  ["IMG_20250730_084510.jpg", "2025-07-30T08:45"],
  ["PXL_20250730_084510123.jpg", "2025-07-30T08:45"],
  ["2025-07-30 08.45.10.png", "2025-07-30T08:45"],
  ["Screenshot 2025-07-30 at 20.15.00.png", "2025-07-30T20:15"],
  ["WhatsApp Audio 2025-07-30 at 11.20.05.ogg", "2025-07-30T11:20"],
  ["notas 2025-07-30.m4a", "2025-07-30T00:00"],
  ["foto.jpg", null],
  ["Recording 20251399999999.webm", null],
  ["IMG_18000101_000000.jpg", null],
])("%s → %s", (name, expected) => {
  expect(iso(timeFromFileName(name))).toBe(expected);
});

test("media time beats the file name, which beats the file's creation time", () => {
  const seenAt = new Date(2026, 0, 1, 9, 0);
  const created = new Date(2025, 6, 29, 7, 0).getTime();
  expect(chooseEntryTime({ fileName: "IMG_20250730_084510.jpg", mediaIso: "2025-07-30T08:40:01", fileCreatedMs: created, seenAt })).toMatchObject({ source: "media" });
  expect(iso(chooseEntryTime({ fileName: "IMG_20250730_084510.jpg", fileCreatedMs: created, seenAt }).date)).toBe("2025-07-30T08:45");
  expect(chooseEntryTime({ fileName: "foto.jpg", fileCreatedMs: created, seenAt })).toMatchObject({ source: "file-created" });
  expect(chooseEntryTime({ fileName: "foto.jpg", seenAt })).toMatchObject({ source: "seen" });
});

test("wrong or missing times never throw", () => {
  const seenAt = new Date(2026, 0, 1, 9, 0);
  for (const mediaIso of ["", "garbage", "0000-00-00T00:00:00", "1904-01-01T00:00:00", "2025-13-45T99:99"]) {
    expect(chooseEntryTime({ fileName: "x.jpg", mediaIso, fileCreatedMs: Number.NaN, seenAt }).source).toBe("seen");
  }
});

test("log note path follows the folder and date-fns pattern; a bad pattern falls back", () => {
  const day = new Date(2025, 6, 30, 8, 45);
  expect(logNotePath(day, "Logs", "yyyy-MM-dd")).toBe("Logs/2025-07-30.md");
  expect(logNotePath(day, "/Diario/", "yyyy/MM/dd EEE")).toBe("Diario/2025/07/30 Wed.md");
  expect(logNotePath(day, "", "yyyy-MM-dd")).toBe("2025-07-30.md");
  expect(logNotePath(day, "Logs", "yyyy-MM-dd YYYY")).toBe("Logs/2025-07-30.md");
});

test("a media capture time keeps its seconds; unknown epochs and invalid dates are no capture time", () => {
  expect(capturedAtIso(new Date(2025, 6, 30, 8, 45, 10))).toBe("2025-07-30T08:45:10");
  expect(capturedAtIso(new Date(Date.UTC(1904, 0, 1)))).toBeUndefined();
  expect(capturedAtIso(new Date(0))).toBeUndefined();
  expect(capturedAtIso(new Date(Number.NaN))).toBeUndefined();
});
