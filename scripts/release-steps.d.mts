// Types for release-steps.mjs (read by test/scripts/release-workflow.test.ts).
export interface ReleaseStep {
  /** The workflow step's name, else `uses <action>` or `run <command>`. */
  step: string;
  /** What the dry run runs for it: the same commands as the workflow. */
  commands?: string[][];
  /** Why the dry run does not run it (or does something else instead). */
  skip?: string;
  onlyWith?: string;
  unlessWith?: string;
  why?: string;
  collect?: string[];
  zip?: boolean;
}
export const RELEASE_FILES: string[];
export const CHECKSUM_FILE: string;
export const TAG: string;
export const PLUGIN_JOB: ReleaseStep[];
export const NATIVE_PACK_JOB: ReleaseStep[];
