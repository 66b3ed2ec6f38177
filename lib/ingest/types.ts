// The contract between the pure ingest engine and everything that stores,
// exports or shows its output. Field names follow the newsroom (dateline,
// byline, credit) and map one-to-one onto ninjs in lib/ninjs.
import type { DuplicateKind, GivenScheme, LinkState, TagCreator, TagState, WorkflowStatus } from "../schemas/vocabulary";

export type InputFormat =
  | "aggregator-page" // scraped text page holding several articles
  | "text" // plain text: one article
  | "rss"
  | "atom"
  | "json-feed"
  | "ninjs"
  | "csv" // Wiredesk's CSV export, or any CSV with headline and body_text columns
  | "html";


/** A subject or place carried by the input itself (ninjs exports, feed categories). */
export interface IncomingTag {
  scheme: GivenScheme;
  code: string;
  name?: string;
  creator?: TagCreator;
  confidence?: number;
  rel?: string;
  state?: TagState;
}

export interface IncomingDuplicate {
  uri: string;
  kind: DuplicateKind;
  score: number;
  status: LinkState;
}

/** One article as parsed from an input, before it meets the store. */
export interface ParsedArticle {
  /** Stable identifier: guid/id/url from the input, or derived from source + headline. */
  uri: string;
  headline: string;
  bodyText: string;
  /** Sanitized HTML, only when the input carried HTML. */
  bodyHtml?: string;
  url?: string;
  byline?: string;
  dateline?: string;
  /** Photo or wire credit, e.g. "DW", "REUTERS/Jane Doe". */
  credit?: string;
  /** Photo caption, told apart from the body. */
  caption?: string;
  language?: string;
  /** Name of the publisher or wire the item came from. */
  sourceName?: string;
  /** An aggregator republishes others' copy: its copy is never the original of a duplicate group. */
  sourceKind?: "wire" | "publisher" | "aggregator";
  firstCreated?: Date;
  versionCreated?: Date;
  status?: WorkflowStatus;
  subjects?: IncomingTag[];
  places?: IncomingTag[];
  duplicates?: IncomingDuplicate[];
  /** The story a Wiredesk export filed it under (ninjs altids, role "wiredesk-story"): items sharing one are one story again. */
  storyKey?: string;
  /** Where in the input the item stood, for messages: "line 12", "item 3". */
  location: string;
}

/** An item that could not be read; every other item still goes in. */
export interface ItemError {
  /** Where in the input: "line 12", "item 3", "byte 0". */
  location: string;
  message: string;
}

export interface ParseResult {
  format: InputFormat;
  articles: ParsedArticle[];
  errors: ItemError[];
}

export interface ParseOptions {
  /** Name of the input, for messages and for deriving uris: a file name or URL. */
  name: string;
  /** The time relative ages ("10 hours ago") are resolved against. */
  ingestTime: Date;
  /** Source name to use when the input does not name one. */
  defaultSource?: string;
  /** Base URL of a fetched page, for resolving links. */
  baseUrl?: string;
  /** The input is lines of a larger NDJSON file from this line on: read as NDJSON, its items located by the file's line numbers. */
  firstLine?: number;
}

/** A whole-input failure (empty, binary, oversized, undecodable, hostile XML). */
export class IngestInputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`${input}: ${message}`);
    this.name = "IngestInputError";
  }
}
