// The live stream's message (GET /api/events, event "change"): written by the
// server's hub, read by the browser's EventSource.
import { z } from "zod";

/** One "change" message of the live stream: what changed in the store since the last one. */
export const liveEvent = z.object({
  /** Articles that arrived. */
  articles: z.array(z.number().int()),
  /** Articles someone changed (status, tags, duplicates, a newer text). */
  changed: z.array(z.number().int()),
  /** Other things changed: "source", "tag", "link"... */
  entities: z.array(z.string()),
});
export type LiveEvent = z.infer<typeof liveEvent>;
