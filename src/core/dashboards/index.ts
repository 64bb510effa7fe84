/** Sprint and Deployments dashboards: incremental aggregates rendered as Markdown, Mermaid and Dataview. */
export * from "./dashboard-index";
export * from "./deployments-dashboard";
export * from "./facts";
export * from "./markers";
export * from "./queries";
export * from "./render";
export * from "./settings";
export * from "./sprint";
export * from "./sprint-dashboard";
