import { Notice, TFile, type App } from "obsidian";
import type { QueueControls } from "./queue-controls";
import { QUEUE_VIEW_TYPE } from "./queue-view";

/** Reveals the queue view, opening it in the right sidebar the first time. */
export async function revealQueueView(app: App): Promise<void> {
  const { workspace } = app;
  const leaf = workspace.getLeavesOfType(QUEUE_VIEW_TYPE)[0] ?? workspace.getRightLeaf(false);
  if (!leaf) return;
  if (leaf.view.getViewType() !== QUEUE_VIEW_TYPE) await leaf.setViewState({ type: QUEUE_VIEW_TYPE, active: true });
  await workspace.revealLeaf(leaf);
}

/** Opens today's log note (created, with the user's template in daily-note mode, if missing). */
export async function openTodayLog(app: App, queue: QueueControls): Promise<void> {
  try {
    const path = await queue.openTodayLogPath();
    const file = app.vault.getAbstractFileByPath(path);
    if (file instanceof TFile) await app.workspace.getLeaf(false).openFile(file);
  } catch (error) {
    new Notice(`Bitácora could not open today's log: ${error instanceof Error ? error.message : String(error)}`);
  }
}
