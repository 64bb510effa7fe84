import { Modal, type App } from "obsidian";
import type { ModelAdvice } from "../core/model-advice/model-recommendation";
import { adviceRows, adviceVerdict } from "../core/model-advice/describe-advice";

/** The answer of "Which model for my machine?": each size's speed here, then the size to use. */
export class WhichModelModal extends Modal {
  constructor(
    app: App,
    private readonly advice: ModelAdvice,
    private readonly clipSec: number,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle("Which Whisper model for this machine");
    this.contentEl.createEl("p", { text: `Measured on a ${this.clipSec}-second Spanish clip; sizes not installed are estimated from the measured ones.` });
    this.contentEl.createEl("pre", { text: adviceRows(this.advice).join("\n") });
    this.contentEl.createEl("p", { text: adviceVerdict(this.advice), cls: "bitacora-which-model-verdict" });
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
