/**
 * A small element tree with the helpers Obsidian adds to HTMLElement (createEl, createDiv,
 * setText, empty, addClass…). Jest runs in Node without a DOM; plugin code only touches
 * elements through these helpers, so tests can read what a view rendered and click buttons.
 * `innerHTML` throws: the Obsidian review rules forbid it, and a test should fail if used.
 */
export interface ElementOptions {
  text?: string;
  cls?: string | string[];
  attr?: Record<string, string | number | boolean | null>;
  title?: string;
  type?: string;
  value?: string;
  placeholder?: string;
}

type Listener = (event: { type: string; target: FakeElement; preventDefault(): void }) => unknown;

export class FakeElement {
  readonly children: FakeElement[] = [];
  parent: FakeElement | null = null;
  readonly classList = new Set<string>();
  readonly attributes = new Map<string, string>();
  private ownText = "";
  private readonly listeners = new Map<string, Listener[]>();
  value = "";
  disabled = false;

  constructor(readonly tagName: string) {}

  createEl(tag: string, options?: ElementOptions | string, callback?: (el: FakeElement) => void): FakeElement {
    const child = new FakeElement(tag);
    const opts: ElementOptions = typeof options === "string" ? { cls: options } : options ?? {};
    if (opts.text !== undefined) child.setText(opts.text);
    if (opts.cls) child.addClass(...(Array.isArray(opts.cls) ? opts.cls : opts.cls.split(" ")));
    for (const [key, value] of Object.entries(opts.attr ?? {})) if (value !== null) child.setAttr(key, String(value));
    if (opts.title) child.setAttr("title", opts.title);
    if (opts.type) child.setAttr("type", opts.type);
    if (opts.placeholder) child.setAttr("placeholder", opts.placeholder);
    if (opts.value !== undefined) child.value = opts.value;
    this.appendChild(child);
    callback?.(child);
    return child;
  }
  createDiv(options?: ElementOptions | string, callback?: (el: FakeElement) => void): FakeElement {
    return this.createEl("div", options, callback);
  }
  createSpan(options?: ElementOptions | string, callback?: (el: FakeElement) => void): FakeElement {
    return this.createEl("span", options, callback);
  }
  appendChild(child: FakeElement): FakeElement {
    child.detach();
    child.parent = this;
    this.children.push(child);
    return child;
  }
  appendText(text: string): void {
    this.createEl("#text", { text });
  }
  detach(): void {
    if (!this.parent) return;
    const siblings = this.parent.children;
    siblings.splice(siblings.indexOf(this), 1);
    this.parent = null;
  }
  remove(): void {
    this.detach();
  }
  empty(): void {
    for (const child of [...this.children]) child.detach();
    this.ownText = "";
  }
  setText(text: string): void {
    this.empty();
    this.ownText = text;
  }
  getText(): string {
    return this.ownText + this.children.map((child) => child.getText()).join("");
  }
  get textContent(): string {
    return this.getText();
  }
  set textContent(text: string) {
    this.setText(text);
  }
  get innerText(): string {
    return this.getText();
  }
  get innerHTML(): string {
    throw new Error("innerHTML is not allowed in Obsidian plugins; use createEl.");
  }
  set innerHTML(_html: string) {
    throw new Error("innerHTML is not allowed in Obsidian plugins; use createEl.");
  }
  addClass(...names: string[]): void {
    for (const name of names) if (name) this.classList.add(name);
  }
  removeClass(...names: string[]): void {
    for (const name of names) this.classList.delete(name);
  }
  hasClass(name: string): boolean {
    return this.classList.has(name);
  }
  toggleClass(name: string, on: boolean): void {
    if (on) this.addClass(name);
    else this.removeClass(name);
  }
  setAttr(name: string, value: string | number | boolean | null): void {
    if (value === null) this.attributes.delete(name);
    else this.attributes.set(name, String(value));
  }
  getAttr(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.setAttr(name, value);
  }
  getAttribute(name: string): string | null {
    return this.getAttr(name);
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l !== listener));
  }
  onClickEvent(listener: Listener): void {
    this.addEventListener("click", listener);
  }
  /** Test helper: fires the element's listeners the way a user's click would. */
  dispatch(type: string): void {
    const event = { type, target: this, preventDefault: () => undefined };
    for (const listener of this.listeners.get(type) ?? []) void listener(event);
  }
  click(): void {
    if (!this.disabled) this.dispatch("click");
  }
  /** Test helper: every descendant (depth first) that matches. */
  findAll(match: (el: FakeElement) => boolean): FakeElement[] {
    const found: FakeElement[] = [];
    for (const child of this.children) {
      if (match(child)) found.push(child);
      found.push(...child.findAll(match));
    }
    return found;
  }
  findByClass(name: string): FakeElement[] {
    return this.findAll((el) => el.hasClass(name));
  }
  findByText(tag: string, text: string): FakeElement | undefined {
    return this.findAll((el) => el.tagName === tag && el.getText() === text)[0];
  }
}

export const createFakeElement = (tag = "div"): FakeElement => new FakeElement(tag);
