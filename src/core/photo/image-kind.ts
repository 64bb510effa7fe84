/**
 * What kind of picture this is, from its text and simple layout features. The engine measures
 * the features (brightness, EXIF camera); this module only decides.
 */
import type { OcrLine } from "./ocr-lines";
import type { TextFacts } from "./text-facts";

export type ImageKind = "terminal" | "dashboard" | "whiteboard" | "document" | "screenshot" | "photo";

export interface ImageFeatures {
  width: number;
  height: number;
  /** A camera wrote EXIF (make/model): photographed rather than captured on screen. */
  fromCamera: boolean;
  /** Mean luminance 0..255 of the whole picture. */
  meanLuminance: number;
  /** Recognised lines, already cleaned, with boxes in the same pixel space as width/height. */
  lines: readonly OcrLine[];
  facts: TextFacts;
}

const TERMINAL_CUES = /(^\s*[$#>]\s)|(^\s*>>>)|\b(epoch|INFO|WARN|ERROR|DEBUG|Traceback|python|npm|kubectl|docker|pip|git)\b|~\/|\[\d+\/\d+\]/i;
const DASHBOARD_CUES = /\b(dashboard|pods?|r[ée]plicas?|replicas?|uptime|health ?check|requests?\/|latenc(y|ia)|p95|p99|cluster|grafana|kubernetes|deployment|services?|servicios?)\b/i;

function textCoverage(features: ImageFeatures): number {
  const area = Math.max(features.width * features.height, 1);
  const covered = features.lines.reduce((sum, line) => sum + Math.max(line.box.x1 - line.box.x0, 0) * Math.max(line.box.y1 - line.box.y0, 0), 0);
  return covered / area;
}

function meanLineHeightFraction(features: ImageFeatures): number {
  if (features.lines.length === 0) return 0;
  const total = features.lines.reduce((sum, line) => sum + (line.box.y1 - line.box.y0), 0);
  return total / features.lines.length / Math.max(features.height, 1);
}

export function classifyImage(features: ImageFeatures): ImageKind {
  const lines = features.lines;
  const textChars = lines.reduce((sum, line) => sum + line.text.length, 0);
  if (lines.length === 0 || textChars < 12) return "photo";
  const text = lines.map((line) => line.text).join("\n");
  const dark = features.meanLuminance < 90;
  const terminalCueLines = lines.filter((line) => TERMINAL_CUES.test(line.text)).length;
  if (dark && (terminalCueLines >= 1 || features.facts.metrics.length > 0)) return "terminal";
  const dashboardCues = lines.filter((line) => DASHBOARD_CUES.test(line.text)).length;
  if (features.facts.services.length >= 2 || (dashboardCues >= 2 && (features.facts.latencies.length + features.facts.resources.length) > 0)) {
    return "dashboard";
  }
  if (dark && terminalCueLines === 0 && lines.length >= 3) return features.fromCamera ? "photo" : "screenshot";
  const averageLength = textChars / lines.length;
  // Few, large lines on a bright surface: a whiteboard or poster, usually photographed.
  if (!dark && lines.length <= 12 && meanLineHeightFraction(features) > 0.045 && (features.fromCamera || features.facts.schedule.length > 0)) {
    return "whiteboard";
  }
  if (!dark && lines.length >= 6 && averageLength >= 28) return "document";
  if (terminalCueLines >= 2 || /\$ \S+/.test(text)) return "terminal";
  if (features.fromCamera && textCoverage(features) < 0.05) return "photo";
  return "screenshot";
}
