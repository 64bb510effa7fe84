/** Notices, modals, the settings tab and its controls, and menus; each records what the user would see. */
import { FakeElement } from "./dom";
import type { App } from "./app";

export class Notice {
  /** Test helper: every notice shown, in order. */
  static shown__: string[] = [];
  noticeEl = new FakeElement("div");
  /** Obsidian 1.8.7+: the element holding the text (noticeEl is its deprecated alias). */
  messageEl = this.noticeEl;
  constructor(message: string, readonly duration?: number) {
    this.noticeEl.setText(message);
    Notice.shown__.push(message);
  }
  setMessage(message: string): this {
    this.noticeEl.setText(message);
    Notice.shown__.push(message);
    return this;
  }
  hide(): void {}
}

export class Modal {
  /** Test helper: modals currently open, newest last. */
  static open__: Modal[] = [];
  containerEl = new FakeElement("div");
  modalEl = this.containerEl.createDiv({ cls: "modal" });
  titleEl = this.modalEl.createDiv({ cls: "modal-title" });
  contentEl = this.modalEl.createDiv({ cls: "modal-content" });
  constructor(public app: App) {}
  open(): void {
    Modal.open__.push(this);
    this.onOpen();
  }
  close(): void {
    Modal.open__ = Modal.open__.filter((m) => m !== this);
    this.onClose();
  }
  onOpen(): void {}
  onClose(): void {}
  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }
}

export interface FuzzyMatch<T> {
  item: T;
  match: { score: number; matches: number[][] };
}

export abstract class SuggestModal<T> extends Modal {
  placeholder = "";
  setPlaceholder(placeholder: string): void {
    this.placeholder = placeholder;
  }
  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: FakeElement): void;
  abstract onChooseSuggestion(item: T, evt: unknown): void;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: unknown): void;
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const needle = query.toLowerCase();
    return this.getItems()
      .filter((item) => this.getItemText(item).toLowerCase().includes(needle))
      .map((item) => ({ item, match: { score: 0, matches: [] } }));
  }
  renderSuggestion(value: FuzzyMatch<T>, el: FakeElement): void {
    el.setText(this.getItemText(value.item));
  }
  onChooseSuggestion(value: FuzzyMatch<T>, evt: unknown): void {
    this.onChooseItem(value.item, evt);
  }
  /** Test helper: the user types `query`, then picks the first suggestion. */
  choose__(query: string): void {
    const [first] = this.getSuggestions(query);
    if (!first) throw new Error(`No suggestion matches ${query}`);
    this.close();
    this.onChooseSuggestion(first, {});
  }
}

abstract class ValueComponent<T> {
  private handler: ((value: T) => unknown) | null = null;
  disabled = false;
  constructor(protected value: T) {}
  getValue(): T {
    return this.value;
  }
  setValue(value: T): this {
    this.value = value;
    return this;
  }
  onChange(handler: (value: T) => unknown): this {
    this.handler = handler;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  /** Test helper: the user changes the control. */
  async change__(value: T): Promise<void> {
    this.value = value;
    await this.handler?.(value);
  }
}

export class TextComponent extends ValueComponent<string> {
  inputEl = new FakeElement("input");
  placeholder = "";
  constructor() {
    super("");
  }
  setPlaceholder(placeholder: string): this {
    this.placeholder = placeholder;
    return this;
  }
}
export class TextAreaComponent extends TextComponent {}
export class ToggleComponent extends ValueComponent<boolean> {
  constructor() {
    super(false);
  }
}
export class DropdownComponent extends ValueComponent<string> {
  readonly options: Record<string, string> = {};
  constructor() {
    super("");
  }
  addOption(value: string, display: string): this {
    this.options[value] = display;
    return this;
  }
  addOptions(options: Record<string, string>): this {
    Object.assign(this.options, options);
    return this;
  }
}
export class SliderComponent extends ValueComponent<number> {
  limits: [number, number, number | "any"] = [0, 100, 1];
  constructor() {
    super(0);
  }
  setLimits(min: number, max: number, step: number | "any"): this {
    this.limits = [min, max, step];
    return this;
  }
  setDynamicTooltip(): this {
    return this;
  }
}
export class ButtonComponent {
  buttonEl = new FakeElement("button");
  text = "";
  cta = false;
  warning = false;
  setButtonText(text: string): this {
    this.text = text;
    this.buttonEl.setText(text);
    return this;
  }
  tooltip = "";
  setTooltip(tooltip: string): this {
    this.tooltip = tooltip;
    return this;
  }
  setCta(): this {
    this.cta = true;
    return this;
  }
  setWarning(): this {
    this.warning = true;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.buttonEl.disabled = disabled;
    return this;
  }
  onClick(handler: () => unknown): this {
    this.buttonEl.onClickEvent(handler);
    return this;
  }
}

type Control = TextComponent | ToggleComponent | DropdownComponent | SliderComponent | ButtonComponent;

export class Setting {
  /** Test helper: every setting created, by its container, so a test can find one by name. */
  static all__: Setting[] = [];
  settingEl: FakeElement;
  nameEl: FakeElement;
  descEl: FakeElement;
  controlEl: FakeElement;
  readonly controls: Control[] = [];
  heading = false;
  constructor(readonly containerEl: FakeElement) {
    this.settingEl = containerEl.createDiv({ cls: "setting-item" });
    this.nameEl = this.settingEl.createDiv({ cls: "setting-item-name" });
    this.descEl = this.settingEl.createDiv({ cls: "setting-item-description" });
    this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
    Setting.all__.push(this);
  }
  setName(name: string): this {
    this.nameEl.setText(name);
    return this;
  }
  setDesc(desc: string): this {
    this.descEl.setText(desc);
    return this;
  }
  setHeading(): this {
    this.heading = true;
    return this;
  }
  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }
  addText(cb: (c: TextComponent) => unknown): this {
    return this.add(new TextComponent(), cb);
  }
  addTextArea(cb: (c: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(), cb);
  }
  addToggle(cb: (c: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(), cb);
  }
  addDropdown(cb: (c: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(), cb);
  }
  addSlider(cb: (c: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(), cb);
  }
  addButton(cb: (c: ButtonComponent) => unknown): this {
    const button = new ButtonComponent();
    this.controlEl.appendChild(button.buttonEl);
    return this.add(button, cb);
  }
  private add<C extends Control>(control: C, cb: (c: C) => unknown): this {
    this.controls.push(control);
    cb(control);
    return this;
  }
}

export abstract class PluginSettingTab {
  containerEl = new FakeElement("div");
  constructor(public app: App, public plugin: unknown) {}
  abstract display(): void;
  hide(): void {}
}

export class MenuItem {
  title = "";
  icon = "";
  section = "";
  private handler: (() => unknown) | null = null;
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  setIcon(icon: string): this {
    this.icon = icon;
    return this;
  }
  setSection(section: string): this {
    this.section = section;
    return this;
  }
  onClick(handler: () => unknown): this {
    this.handler = handler;
    return this;
  }
  /** Test helper. */
  click__(): unknown {
    return this.handler?.();
  }
}

export class Menu {
  readonly items: MenuItem[] = [];
  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    this.items.push(item);
    cb(item);
    return this;
  }
  addSeparator(): this {
    return this;
  }
  showAtMouseEvent(): this {
    return this;
  }
}
