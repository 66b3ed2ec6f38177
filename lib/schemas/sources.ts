// Shapes shared by the source routes, the server operations and the sources page.
import { z } from "zod";

/** A default tag: an IPTC topic or newsroom tag code, or an ISO 3166-1 alpha-2 country. */
export const tagCode = z
  .string()
  .trim()
  .regex(/^(medtop:\d{8}|newsroom:[\w-]+|[A-Z]{2})$/, "expected a topic code (medtop:04000000), a newsroom tag (newsroom:x) or a country code (ES)");

export const feedUrl = z
  .string()
  .trim()
  .max(2000)
  .url("not a valid URL")
  .refine((u) => /^https?:\/\//i.test(u), "only http and https feeds can be polled");

export const sourceInput = z.object({
  name: z.string().trim().min(1, "a name is required").max(200),
  feedUrl,
  defaultTags: z.array(tagCode).max(20).default([]),
  /** Minutes between polls: 1 minute to 1 day. */
  pollMinutes: z.coerce.number().int().min(1).max(1440).default(15),
  enabled: z.boolean().default(true),
});
export type SourceInput = z.input<typeof sourceInput>;

export const sourceUpdate = sourceInput.partial();
export type SourceUpdate = z.input<typeof sourceUpdate>;

export interface SourceView {
  id: number;
  name: string;
  feedUrl: string;
  url: string | null;
  enabled: boolean;
  pollMinutes: number;
  defaultTags: { code: string; name: string }[];
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failureCount: number;
  nextPollAt: string | null;
  /** Articles from this feed per day, over the last 7 days. */
  itemsPerDay: number;
  totalItems: number;
}
