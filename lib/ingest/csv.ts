import { parse } from "csv-parse/sync";
import { toIsoCountry, toMedtopCode } from "./iptc";
import { deriveUri, parseDate, sourceFromName, toHttpUrl } from "./text";
import { duplicateKind, linkState, workflowStatus } from "../schemas/vocabulary";
import type { IncomingDuplicate, IncomingTag, ItemError, ParseOptions, ParsedArticle, ParseResult } from "./types";

// Reads Wiredesk's CSV export back (or any CSV with headline and body_text
// columns). Lists are "; "-separated; a duplicate is "uri kind score status".

const REQUIRED = ["headline", "body_text"];

function headerOf(text: string): string[] {
  const first = text.split(/\r?\n/, 1)[0] ?? "";
  return first.split(",").map((h) => h.trim().replace(/^"|"$/g, "").toLowerCase());
}

export function looksLikeArticleCsv(text: string): boolean {
  const header = headerOf(text);
  return header.length >= 2 && REQUIRED.every((c) => header.includes(c));
}

const list = (v: string | undefined) => (v ?? "").split(";").map((s) => s.trim()).filter(Boolean);

function subjects(v: string | undefined): IncomingTag[] {
  return list(v).flatMap((s): IncomingTag[] => {
    const code = toMedtopCode(s);
    if (code) return [{ scheme: "medtop", code }];
    return /^newsroom:[\w-]+$/.test(s) ? [{ scheme: "newsroom", code: s }] : [];
  });
}

function places(v: string | undefined): IncomingTag[] {
  return list(v).flatMap((s): IncomingTag[] => {
    const code = toIsoCountry(s);
    return code ? [{ scheme: "iso3166", code }] : [];
  });
}

function duplicates(v: string | undefined): IncomingDuplicate[] {
  return list(v).flatMap((s): IncomingDuplicate[] => {
    const [uri, kind, score, status] = s.split(/\s+/);
    const k = duplicateKind.safeParse(kind);
    const st = linkState.safeParse(status);
    const n = Number(score);
    return uri && k.success && st.success && n >= 0 && n <= 1 ? [{ uri, kind: k.data, score: n, status: st.data }] : [];
  });
}

export function parseCsv(text: string, opts: ParseOptions): ParseResult {
  const errors: ItemError[] = [];
  const records = parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    // Wiredesk's export quotes cells a spreadsheet would run as formulas ('=1+1): the quote is not the text.
    cast: (value: string) => value.replace(/^'(?=[=+\-@\t\r])/, ""),
    info: true,
    // A malformed row costs that row: it is reported and the rest are read.
    skip_records_with_error: true,
    on_skip: (err: { message: string; lines?: number } | undefined) => {
      if (err) errors.push({ location: `line ${err.lines ?? "?"}`, message: `malformed CSV row: ${err.message}` });
    },
  }) as { record: Record<string, string | undefined>; info: { lines: number } }[];

  const articles: ParsedArticle[] = [];
  // csv-parse reports where a record ends; it starts after the previous one (quoted bodies span lines).
  let previousEnd = 1;
  for (const { record: r, info } of records) {
    const location = `line ${previousEnd + 1}`;
    previousEnd = info.lines;
    const headline = r.headline?.trim();
    const body = r.body_text?.trim();
    if (!headline || !body) {
      errors.push({ location, message: !headline && !body ? "missing headline and body" : !headline ? "missing headline" : "missing body" });
      continue;
    }
    const sourceName = r.source?.trim() || opts.defaultSource;
    const a: ParsedArticle = {
      uri: r.uri?.trim() || deriveUri(sourceName ?? sourceFromName(opts.name), headline),
      headline,
      bodyText: body,
      location,
    };
    if (sourceName) a.sourceName = sourceName;
    const url = toHttpUrl(r.url);
    if (url) a.url = url;
    if (r.by?.trim()) a.byline = r.by.trim();
    if (r.located?.trim()) a.dateline = r.located.trim();
    if (r.language?.trim()) a.language = r.language.trim();
    const first = parseDate(r.firstcreated);
    const version = parseDate(r.versioncreated) ?? first;
    if (first ?? version) a.firstCreated = first ?? version;
    if (version) a.versionCreated = version;
    const status = workflowStatus.safeParse(r.status?.trim());
    if (status.success) a.status = status.data;
    const s = subjects(r.subjects);
    if (s.length) a.subjects = s;
    const p = places(r.places);
    if (p.length) a.places = p;
    const d = duplicates(r.duplicates);
    if (d.length) a.duplicates = d;
    articles.push(a);
  }
  return { format: "csv", articles, errors };
}
