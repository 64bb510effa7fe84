/** One rule, for the plugin and the CLI, for which notes may be linked as topics. */
import { isTopicNotePath } from "../../../src/core/service/topic-note-rule";
import { DEFAULT_SETTINGS, type BitacoraSettings } from "../../../src/core/settings/settings";

const folderMode: BitacoraSettings = { ...DEFAULT_SETTINGS, logMode: "log-folder", logFolder: "Logs/" };
const dailyMode: BitacoraSettings = { ...folderMode, logMode: "daily-note" };
// A daily-notes setup at the vault root, named YYYY-MM-DD.
const isDaily = (path: string) => /^\d{4}-\d{2}-\d{2}\.md$/.test(path);

test.each([
  ["Topics/whisper_ai.md", folderMode, true],
  ["whisper_ai.md", folderMode, true],
  ["Logs/2025-07-30.md", folderMode, false],
  ["Logs/2025/2025-07-30.md", folderMode, false],
  ["Logsbook/note.md", folderMode, true],
  [DEFAULT_SETTINGS.sprintDashboardPath, folderMode, false],
  [DEFAULT_SETTINGS.deploymentDashboardPath, folderMode, false],
  ["Attachments/x.webm", folderMode, false],
  // Folder mode: a note named like a day is the user's own note, not Bitácora's log.
  ["2025-07-30.md", folderMode, true],
  // Daily-note mode: daily notes never become topics; other notes beside them still are.
  ["2025-07-30.md", dailyMode, false],
  ["Kubernetes.md", dailyMode, true],
  ["Logs/2025-07-29.md", dailyMode, false],
])("%s (%s mode) is a topic note: %s", (path, settings, expected) => {
  expect(isTopicNotePath(path, settings, isDaily)).toBe(expected);
});

test("an empty log folder excludes nothing by folder", () => {
  expect(isTopicNotePath("Topics/k8s.md", { ...folderMode, logFolder: "" }, isDaily)).toBe(true);
});
