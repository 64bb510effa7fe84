import { FuzzySuggestModal, type App, type TFile } from "obsidian";
import { mediaKindOf } from "../core/media";

/** Fuzzy picker over the vault's audio and image files, for commands run without a media file open. */
export class MediaFilePicker extends FuzzySuggestModal<TFile> {
  constructor(
    app: App,
    private readonly extensions: readonly string[],
    private readonly onPick: (file: TFile) => void,
  ) {
    super(app);
    this.setPlaceholder("Pick a recording or photo to process");
  }

  getItems(): TFile[] {
    return this.app.vault
      .getFiles()
      .filter((file) => mediaKindOf(file.path, this.extensions) !== null)
      .sort((a, b) => b.stat.mtime - a.stat.mtime);
  }

  getItemText(file: TFile): string {
    return file.path;
  }

  onChooseItem(file: TFile): void {
    this.onPick(file);
  }
}
