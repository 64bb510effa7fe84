import { Plugin } from "obsidian";

export default class BitacoraPlugin extends Plugin {
  override async onload(): Promise<void> {}
}
