/**
 * Test shim: loads the obsidian-dataview package's own bundled parsers (QUERY_LANGUAGE,
 * EXPRESSION) without Obsidian. The bundle's only import is a side-effect `require("obsidian")`
 * (a types-only package at runtime), so we evaluate the bundle with a require that answers it
 * with an empty module. No jest config change is needed and nothing is copied from Dataview.
 */
import { readFileSync } from "node:fs";
import type * as Dataview from "obsidian-dataview";

type DataviewModule = Pick<typeof Dataview, "QUERY_LANGUAGE" | "EXPRESSION" | "parseField">;

function loadDataview(): DataviewModule {
  const bundlePath = require.resolve("obsidian-dataview");
  const source = readFileSync(bundlePath, "utf8");
  const module = { exports: {} as Record<string, unknown> };
  const requireWithoutObsidian = (id: string): unknown => (id === "obsidian" ? {} : require(id));
  new Function("exports", "require", "module", source)(module.exports, requireWithoutObsidian, module);
  return module.exports as unknown as DataviewModule;
}

export const dataview = loadDataview();

/** Parses a query with Dataview's own grammar; throws with Dataview's message when invalid. */
export function parseDataviewQuery(query: string): unknown {
  return dataview.QUERY_LANGUAGE.query.tryParse(query);
}
