/** Events and Component with Obsidian's semantics: refs unregister on unload, children load with the parent. */
export interface EventRef {
  events: Events;
  name: string;
  callback: (...data: unknown[]) => unknown;
  ctx?: unknown;
}

export class Events {
  private readonly handlers = new Map<string, EventRef[]>();

  on(name: string, callback: (...data: any[]) => unknown, ctx?: unknown): EventRef {
    const ref: EventRef = { events: this, name, callback, ctx };
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
    return ref;
  }
  off(name: string, callback: (...data: any[]) => unknown): void {
    this.handlers.set(name, (this.handlers.get(name) ?? []).filter((ref) => ref.callback !== callback));
  }
  offref(ref: EventRef): void {
    this.handlers.set(ref.name, (this.handlers.get(ref.name) ?? []).filter((r) => r !== ref));
  }
  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data);
  }
  tryTrigger(ref: EventRef, data: unknown[]): void {
    try {
      ref.callback.apply(ref.ctx, data);
    } catch (error) {
      // Obsidian logs handler errors and keeps dispatching.
      console.error(error);
    }
  }
  /** Test helper: how many handlers listen to an event. */
  listenerCount__(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

export class Component {
  private loaded = false;
  /** Test helper: settles when an async onload finishes. */
  loading__: Promise<void> = Promise.resolve();
  private readonly children: Component[] = [];
  private readonly cleanups: (() => unknown)[] = [];

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    // Plugin.onload is async in practice; the stand-in keeps its promise so tests can await it.
    this.loading__ = Promise.resolve(this.onload() as unknown).then(() => undefined);
    for (const child of this.children) child.load();
  }
  onload(): void | Promise<void> {}
  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const child of [...this.children].reverse()) child.unload();
    this.children.length = 0;
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    this.onunload();
  }
  onunload(): void {}
  addChild<T extends Component>(component: T): T {
    this.children.push(component);
    if (this.loaded) component.load();
    return component;
  }
  removeChild<T extends Component>(component: T): T {
    const index = this.children.indexOf(component);
    if (index >= 0) {
      this.children.splice(index, 1);
      component.unload();
    }
    return component;
  }
  register(cleanup: () => unknown): void {
    this.cleanups.push(cleanup);
  }
  registerEvent(ref: EventRef): void {
    this.register(() => ref.events.offref(ref));
  }
  registerDomEvent(el: { addEventListener: Function; removeEventListener: Function }, type: string, callback: Function): void {
    el.addEventListener(type, callback);
    this.register(() => el.removeEventListener(type, callback));
  }
  registerInterval(id: number): number {
    this.register(() => clearInterval(id));
    return id;
  }
  /** Test helper. */
  get isLoaded__(): boolean {
    return this.loaded;
  }
}
