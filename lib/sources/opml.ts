// OPML, the list-of-feeds format feed readers exchange: read into feed
// entries, written from the desk's sources. Pure: no I/O.
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { assertSafeXml } from "../ingest/xml-guard";
import { IngestInputError } from "../ingest/types";

export interface OpmlFeed {
  name: string;
  feedUrl: string;
  /** The site's home page (htmlUrl), when given. */
  url?: string;
  /** Outline categories (comma- or slash-separated) the reader kept. */
  category?: string;
}

export interface OpmlRead {
  feeds: OpmlFeed[];
  /** Outlines that could not be read, and where. */
  errors: { location: string; message: string }[];
}

type Outline = Record<string, unknown> & { outline?: Outline | Outline[] };

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : "");

/** Feeds in an OPML document, nested folders included; bad outlines are reported, not fatal. */
export function readOpml(text: string, name = "opml"): OpmlRead {
  assertSafeXml(text, name);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new IngestInputError(name, `not well-formed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", processEntities: true, htmlEntities: false });
  const doc = parser.parse(text) as { opml?: { body?: { outline?: Outline | Outline[] } } };
  if (!doc.opml) throw new IngestInputError(name, "not an OPML document (no <opml> root element)");
  const out: OpmlRead = { feeds: [], errors: [] };
  const walk = (outlines: Outline[], path: string, folder: string | undefined) => {
    outlines.forEach((o, i) => {
      const here = `${path}/outline[${i + 1}]`;
      const xmlUrl = str(o.xmlUrl);
      const title = str(o.title) || str(o.text);
      if (xmlUrl) {
        if (!/^https?:\/\//i.test(xmlUrl)) {
          out.errors.push({ location: here, message: `xmlUrl "${xmlUrl.slice(0, 100)}" is not an http or https URL` });
        } else {
          const feed: OpmlFeed = { name: title || xmlUrl, feedUrl: xmlUrl };
          const htmlUrl = str(o.htmlUrl);
          if (htmlUrl) feed.url = htmlUrl;
          const category = str(o.category) || folder;
          if (category) feed.category = category;
          out.feeds.push(feed);
        }
      }
      if (o.outline) walk(asArray(o.outline), here, title || folder);
    });
  };
  walk(asArray(doc.opml.body?.outline), "body", undefined);
  return out;
}

/** An OPML 2.0 document listing the feeds. */
export function writeOpml(feeds: OpmlFeed[], title = "Wiredesk sources", now = new Date()): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true, suppressEmptyNode: true });
  const outline = feeds.map((f) => ({
    "@type": "rss",
    "@text": f.name,
    "@title": f.name,
    "@xmlUrl": f.feedUrl,
    ...(f.url ? { "@htmlUrl": f.url } : {}),
    ...(f.category ? { "@category": f.category } : {}),
  }));
  const xml = builder.build({
    opml: { "@version": "2.0", head: { title, dateCreated: now.toUTCString() }, body: { outline } },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
