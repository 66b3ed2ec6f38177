import { z } from "zod";
import { articleListParams } from "./articles";

// Paging is not part of a view: only the filters and the search are kept.
const notKept = new Set(["cursor", "after", "limit"]);

/** The queue parameters a view keeps, validated one by one; an unknown or invalid one is an error. */
export const viewQuery = z.string().max(1000).transform((raw, ctx) => {
  const kept = new URLSearchParams();
  const shape = articleListParams.shape as Record<string, z.ZodType>;
  for (const [k, v] of new URLSearchParams(raw)) {
    if (notKept.has(k) || v === "") continue;
    const field = shape[k];
    if (!field) {
      ctx.addIssue({ code: "custom", message: `"${k}" is not a queue filter` });
      return z.NEVER;
    }
    if (!field.safeParse(v).success) {
      ctx.addIssue({ code: "custom", message: `"${v}" is not a valid value for ${k}` });
      return z.NEVER;
    }
    kept.set(k, v);
  }
  kept.sort();
  return kept.toString();
});

export const savedViewInput = z.object({
  name: z.string().trim().min(1, "a view needs a name").max(60),
  query: viewQuery,
});

/** A saved view as listed, saved (POST /api/views) and deleted (DELETE /api/views/:id). */
export const savedViewItem = z.object({ id: z.number().int(), name: z.string(), query: z.string() });
export type SavedViewItem = z.infer<typeof savedViewItem>;

/** GET /api/views's answer. */
export const savedViewList = z.object({ items: z.array(savedViewItem) });
