import { SuggestModal, type App } from "obsidian";
import type { EntryStyle } from "../core/log/structure";

const CHOICES: { style: EntryStyle; name: string; example: string }[] = [
  { style: "seed", name: "Seed lines", example: "08:45 título · status:: … · area:: … · date:: 2025-07-30 08:45 · ---" },
  { style: "list", name: "Dataview list items", example: "## 08:45 título · - [status:: …] [area:: …] [date:: 2025-07-30T08:45]" },
];

/** Asks which entry style a log note should be converted to. */
export class EntryStylePicker extends SuggestModal<(typeof CHOICES)[number]> {
  constructor(
    app: App,
    private readonly onPick: (style: EntryStyle) => void,
  ) {
    super(app);
    this.setPlaceholder("Convert this note's entries to…");
  }

  getSuggestions(query: string): (typeof CHOICES)[number][] {
    const needle = query.toLowerCase();
    return CHOICES.filter((choice) => choice.name.toLowerCase().includes(needle));
  }

  renderSuggestion(choice: (typeof CHOICES)[number], el: HTMLElement): void {
    el.createDiv({ text: choice.name });
    el.createEl("small", { text: choice.example });
  }

  onChooseSuggestion(choice: (typeof CHOICES)[number]): void {
    this.onPick(choice.style);
  }
}
