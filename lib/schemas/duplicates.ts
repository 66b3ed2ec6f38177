import { z } from "zod";
import { linkState } from "./workflow";

export const linkDecision = z.object({ state: linkState });
export { idParam } from "./ids";

/** What "keep the original, mark the rest reviewed" did (lib/server/duplicates/resolve-cluster.ts). */
export interface ClusterResult {
  keep: number;
  /** Links that were suggested and are now confirmed. */
  confirmed: number[];
  /** Copies marked reviewed: their status before, and the version after, for undo. */
  reviewed: { id: number; from: string; version: number }[];
  /** Copies whose status could not be set (changed meanwhile), with why. */
  refused: { id: number; reason: string }[];
  /** The audit entry of the canonical choice, undone through the audit log. */
  canonicalAuditId: number | null;
}
