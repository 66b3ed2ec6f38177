// Shapes shared by the article routes, the server operations and the UI.
import { z } from "zod";
import { workflowStatus } from "./workflow";

export const articleListParams = z.object({
  status: workflowStatus.optional(),
  /** Full-text search over headline and body. */
  q: z.string().trim().max(200).optional(),
  /** ISO 3166-1 alpha-2 country the story is tagged with (suggested or accepted). */
  place: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** A topic or newsroom tag code: medtop:16000000, newsroom:fan-protests. */
  topic: z.string().regex(/^(medtop:\d{8}|newsroom:[\w-]+)$/).optional(),
  /** Only articles that arrived after this one: the "new arrivals" count. */
  after: z.coerce.number().int().nonnegative().optional(),
  /** Keyset cursor: the id of the last article of the previous page. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ArticleListParams = z.input<typeof articleListParams>;

export interface TagChip {
  rel: string | null;
  scheme: string;
  code: string;
  name: string;
  state: string;
  origin: string;
  confidence: number;
}

export interface ArticleListItem {
  id: number;
  uri: string;
  headline: string;
  source: string | null;
  dateline: string | null;
  status: string;
  /** Bumped on every change; a status write names the version the editor saw. */
  version: number;
  /** When the story was first published, else when it arrived. */
  publishedAt: string;
  ingestedAt: string;
  duplicates: number;
  tags: TagChip[];
  excerpt: string;
}

export interface ArticlePage {
  items: ArticleListItem[];
  nextCursor: number | null;
  total: number;
}

export const statusChange = z.object({
  status: workflowStatus,
  /** The version the editor saw. */
  version: z.number().int().positive(),
});

/** One status for a selection of articles, each with the version the editor saw. */
export const bulkStatusChange = z.object({
  status: workflowStatus,
  items: z
    .array(z.object({ id: z.number().int().positive(), version: z.number().int().positive() }))
    .min(1)
    .max(500),
});
export type BulkStatusChange = z.infer<typeof bulkStatusChange>;
