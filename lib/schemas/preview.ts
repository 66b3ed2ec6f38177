// The reading pane's view of one article (GET /api/articles/:id).

export interface PreviewTag {
  tagId: number;
  scheme: string;
  code: string;
  name: string;
  officialName?: string | null;
  origin: string;
  state: string;
  confidence: number;
  rel: string | null;
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
