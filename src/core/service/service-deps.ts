import type { Clock, ContentHasher, EnginePort, StatePort, VaultPort } from "../ports";
import type { RefineEntry } from "../llm/entry-refiner";
import type { BitacoraSettings, DeviceSettings } from "../settings/settings";
import type { EntryEnricher, TopicNote } from "./entry-enricher";
import type { LogNoteLocator } from "./entry-writer";

/** What the service is given: its ports, the settings it reads at each step, and the optional helpers. */
export interface ServiceDeps {
  vault: VaultPort;
  engine: EnginePort;
  state: StatePort;
  clock: Clock;
  hasher: ContentHasher;
  settings: () => BitacoraSettings;
  device: () => DeviceSettings;
  locator?: LogNoteLocator;
  enricher?: EntryEnricher;
  topics?: () => Promise<TopicNote[]>;
  /** Errors that need the user (no model, a crashed engine). */
  notify?: (message: string) => void;
  /** Told after every entry write, e.g. to refresh dashboards (debounced by the caller). */
  onEntryWritten?: (notePath: string) => void;
  /** Optional language model pass after the local enrichment (bounded by its timeout; any failure keeps the local entry). */
  refineEntry?: RefineEntry;
  /** New job ids; by default the clock's time and a counter of this service. */
  newId?: () => string;
  /** Jobs wait while the engine has no model (the plugin) instead of failing (a CLI run must end). */
  waitForEngine?: boolean;
}
