// The reading pane's view of one article (GET /api/articles/:id).

/** A tag with its evidence, as the tag panel shows it (its TagView). */
export interface PreviewTag {
  tagId: number;
  scheme: string;
  code: string;
  name: string;
  /** IPTC's own label, shown when two topics share a short name. */
  officialName?: string | null;
  origin: string;
  state: string;
  confidence: number;
  rel: string | null;
  /** The version the page saw; sent back so a change made meanwhile by someone else is not overwritten. */
  version: number;
  evidence: { text: string; field: string }[];
}

export interface ArticlePreview {
  id: number;
  headline: string;
  source: string | null;
  byline: string | null;
  dateline: string | null;
  status: string;
  version: number;
  publishedAt: string;
  ingestedAt: string;
  paragraphs: string[];
  url: string | null;
  storyId: number | null;
  tags: PreviewTag[];
  regions: string[];
  /** Open and confirmed duplicate links, either direction. */
  duplicates: { id: number; kind: string; state: string; other: { id: number; headline: string; source: string | null } }[];
}
