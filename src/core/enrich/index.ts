/** Entry enrichment: titles, areas, wikilinks, metrics and activity fields. */
export * from "./activity";
export * from "./area";
export * from "./enrich";
export * from "./links";
export * from "./metrics";
export * from "./text";
export * from "./title";
