import { z } from "zod";
import { duplicateKind, linkState, workflowStatus } from "./vocabulary";
import { idParam } from "./ids";

export const linkDecision = z.object({ state: linkState });
export { idParam } from "./ids";

/** The filters of the duplicate links' list (GET /api/v1/duplicates). */
export const linkListParams = z.object({
  state: z
    .union([linkState, z.literal("open")])
    .optional()
    .transform((s) => (s === "open" ? "suggested" : s))
    .describe("suggested (or open: waiting for a decision), confirmed or dismissed; every state when absent"),
  kind: z
    .string()
    .max(200)
    .transform((raw, ctx) => {
      const kinds = [...new Set(raw.split(",").map((k) => k.trim()).filter(Boolean))];
      const bad = kinds.find((k) => !duplicateKind.safeParse(k).success);
      if (bad !== undefined || kinds.length === 0) {
        ctx.addIssue({ code: "custom", message: `${JSON.stringify((bad ?? raw).slice(0, 40))} is not one of ${duplicateKind.options.join(", ")}` });
        return z.NEVER;
      }
      return kinds as z.infer<typeof duplicateKind>[];
    })
    .optional()
    .describe(`Kinds, comma-separated, any of them: ${duplicateKind.options.join(", ")}`),
  article: idParam.optional().describe("Only links with this article on either side"),
  cursor: idParam.optional().describe("The previous page's nextCursor"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Links a page, 1 to 200 (50 by default)"),
});
/** The filters as read (linkListParams' output). */
export type LinkListFilters = z.output<typeof linkListParams>;

const linkSide = z.object({ id: z.number().int(), headline: z.string(), source: z.string().nullable() });

export const duplicateLinkView = z
  .object({
    id: z.number().int(),
    kind: duplicateKind.describe("Read from `article`'s side: it contains, or is contained in, `other`"),
    score: z.number().describe("How alike the two texts are, 0 to 1"),
    state: linkState,
    article: linkSide.describe("The newer article, that was found to copy the other"),
    other: linkSide,
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable().describe("When an editor or token last decided it; null while open"),
  })
  .meta({ id: "DuplicateLink" });
export type DuplicateLinkView = z.infer<typeof duplicateLinkView>;

export const duplicateLinkPage = z
  .object({
    items: z.array(duplicateLinkView).describe("Newest link first"),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last"),
  })
  .meta({ id: "DuplicateLinkPage" });
export type DuplicateLinkPage = z.infer<typeof duplicateLinkPage>;

/** POST /api/duplicates/:id: the link as decided. */
export const linkDecided = z.object({ id: z.number().int(), state: linkState });

/** POST /api/articles/:id/canonical: the copy the group keeps, its members, and the audit entry that undoes the choice. */
export const canonicalChosen = z.object({ canonical: z.number().int().nullable(), members: z.array(z.number().int()), auditId: z.number().int().nullable() });

/** POST /api/duplicates/cluster: what "keep one, mark the rest reviewed" did, to report and to undo. */
export const clusterResult = z.object({
  keep: z.number().int(),
  /** Links that were suggested and are now confirmed. */
  confirmed: z.array(z.number().int()),
  /** Copies marked reviewed: their status before, and the version after, for undo. */
  reviewed: z.array(z.object({ id: z.number().int(), from: workflowStatus, version: z.number().int() })),
  /** Copies whose status could not be set (changed meanwhile), with why. */
  refused: z.array(z.object({ id: z.number().int(), reason: z.string() })),
  /** The audit entry of the canonical choice, undone through the audit log. */
  canonicalAuditId: z.number().int().nullable(),
});
export type ClusterResult = z.infer<typeof clusterResult>;
