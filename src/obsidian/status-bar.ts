import { Component, type Plugin } from "obsidian";
import type { QueueControls } from "./queue-controls";
import { statusBarText } from "./queue-labels";

/** Status-bar item with the queue length and the current job's progress; a click opens the queue. */
export class QueueStatusBar extends Component {
  constructor(
    private readonly plugin: Plugin,
    private readonly queue: QueueControls,
    private readonly showQueue: () => void,
  ) {
    super();
  }

  override onload(): void {
    const item = this.plugin.addStatusBarItem();
    item.addClass("bitacora-status");
    item.setAttr("aria-label", "Show the Bitácora queue");
    this.registerDomEvent(item, "click", () => this.showQueue());
    const render = () => item.setText(statusBarText(this.queue.snapshot()));
    render();
    this.register(this.queue.onChange(render));
  }
}
