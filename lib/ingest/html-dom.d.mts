// Types for html-dom.mjs (plain JavaScript so it can be a worker entry).

export interface PageMetaTag {
  property?: string;
  name?: string;
  itemprop?: string;
  content?: string;
}

export interface ReadabilityArticle {
  content?: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
}

export interface PageFacts {
  metas: PageMetaTag[];
  canonical?: string;
  h1?: string;
  title?: string;
  time?: string;
  lang?: string;
  article?: ReadabilityArticle;
}

export function treeDepth(root: unknown): number;
export function extractPage(html: string, maxDepth?: number): PageFacts;
