/** Recent entries read from real log notes on disk where the locator puts them. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { folderLocator } from "../../../src/core/service/entry-writer";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { logNotePath } from "../../../src/core/time/log-note-path";
import { noteLinksIn, recentEntries } from "../../../src/core/vocabulary/recent-entries";
import { tempVault } from "../../support/service-harness";

const SEEDS = path.resolve(__dirname, "../../../../shared/seeds");
const seedLog = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("000_"))!), "utf8");
const today = new Date(2025, 6, 30, 18, 0);
const daysAgo = (days: number) => new Date(2025, 6, 30 - days, 12, 0);

test("titles and links of the last week's entries; older notes and file-name titles are left out", async () => {
  const vault = tempVault();
  const write = (date: Date, text: string) => {
    const file = vault.absolutePath(logNotePath(date, DEFAULT_SETTINGS.logFolder, DEFAULT_SETTINGS.logFileFormat));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write(today, seedLog);
  write(daysAgo(3), "## 09:10 Ajuste de Kafka\n- [status:: Processed] [area:: DevOps] [date:: 2025-07-27T09:10]\n\nVer [[Infra/Kafka|colas]] y ![[Attachments/rec.webm]].\n");
  write(daysAgo(2), "## 10:00 grabación de audio rec2\n- [status:: In Progress] [area:: Technical] [date:: 2025-07-28T10:00] [attachment:: [[rec2.webm]]]\n");
  write(daysAgo(9), "## 08:00 Muy antigua\n- [status:: Processed] [area:: Technical] [date:: 2025-07-21T08:00]\n");
  const entries = await recentEntries(vault, folderLocator(() => DEFAULT_SETTINGS), today);
  const titles = entries.map((e) => e.title);
  expect(titles).toContain("revisión de optimizaciones de modelo");
  expect(titles).toContain("Ajuste de Kafka");
  expect(titles).not.toContain("Muy antigua");
  expect(titles.some((t) => t.startsWith("grabación de audio"))).toBe(false);
  expect(entries.find((e) => e.title === "revisión de optimizaciones de modelo")).toMatchObject({
    date: "2025-07-30T08:45",
    links: expect.arrayContaining(["emotion_detection", "performance_optimization"]),
  });
  expect(entries.find((e) => e.title === "Ajuste de Kafka")!.links).toEqual(["Kafka"]);
});

test.each([
  ["[[Infra/Kafka|colas]]", ["Kafka"]],
  ["[[Redis#Caché]] [[Redis]]", ["Redis"]],
  ["![[foto.jpg]] [[nota.webm]] [[Plan v1.2]]", ["Plan v1.2"]],
  ["[[Notas/Grafana.md]]", ["Grafana"]],
])("links in %s", (text, expected) => {
  expect(noteLinksIn(text)).toEqual(expected);
});
