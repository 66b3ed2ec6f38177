import { z } from "zod";
import { toIsoCountry, toMedtopCode, uniqueTags } from "./iptc";
import { htmlToText, sanitizeBodyHtml } from "./sanitize";
import { cleanParagraphs, deriveUri, describeJsonError, parseDate, parseJsonClean, squash, toHttpUrl } from "./text";
import { IngestInputError, type IncomingDuplicate, type IncomingTag, type ItemError, type ParseOptions, type ParseResult, type ParsedArticle } from "./types";
import { duplicateKind, linkState, tagCreator, tagState, workflowStatus, type WorkflowStatus } from "../schemas/vocabulary";

// ninjs 1.x and 2.x (IPTC News in JSON) → ParsedArticle, plus the fields
// Wiredesk's own export adds (status, duplicates, dateline, credit, caption).
// Accepts one object, an array of objects, or NDJSON. Pure: no I/O.

export { NINJS_SUBJECT_PREFIX, medtopCodeFromUri, medtopUri } from "./iptc";

// ---------------------------------------------------------------- schema

/** An array whose broken elements are dropped instead of failing the item. */
function lenientArray<T extends z.ZodType>(item: T) {
  return z.array(item.nullable().catch(null)).optional().catch(undefined);
}

const ValueObject = z.looseObject({
  value: z.string(),
  role: z.string().optional(),
  contenttype: z.string().optional(),
});

const TagObject = z.looseObject({
  uri: z.string().optional(),
  code: z.string().optional(),
  qcode: z.string().optional(),
  literal: z.string().optional(),
  scheme: z.string().optional(),
  name: z.string().optional(),
  creator: z.string().optional(),
  confidence: z.number().optional(),
  relevance: z.number().optional(),
  rel: z.string().optional(),
  state: z.string().optional(),
});

const DuplicateObject = z.looseObject({
  uri: z.string(),
  kind: duplicateKind,
  score: z.number(),
  status: linkState.optional(),
});

const NamedObject = z.looseObject({ name: z.string().optional(), role: z.string().optional() });

const BylineEntry = z.union([
  z.string(),
  z.looseObject({ byline: z.string().optional(), name: z.string().optional(), value: z.string().optional() }),
]);

/** The fields we read; anything else a provider sends is allowed and ignored. */
const NinjsObject = z.looseObject({
  uri: z.string().optional(),
  guid: z.string().optional(),
  headline: z.string().optional(),
  headlines: z.array(ValueObject).optional(),
  body_text: z.string().optional(),
  body_html: z.string().optional(),
  body_xhtml: z.string().optional(),
  bodies: z.array(ValueObject).optional(),
  descriptions: lenientArray(ValueObject),
  firstcreated: z.string().optional(),
  versioncreated: z.string().optional(),
  by: z.string().optional(),
  byline: z.string().optional(),
  bylines: lenientArray(BylineEntry),
  located: z.string().optional(),
  dateline: z.string().optional(),
  credit: z.string().optional(),
  caption: z.string().optional(),
  url: z.string().optional(),
  links: lenientArray(z.looseObject({ rel: z.string().optional(), href: z.string().optional() })),
  language: z.string().optional(),
  infosources: lenientArray(NamedObject),
  infosource: lenientArray(NamedObject),
  copyrightholder: z.string().optional().catch(undefined),
  provider: z.union([z.string(), NamedObject]).optional().catch(undefined),
  pubstatus: z.string().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  subjects: lenientArray(TagObject),
  subject: lenientArray(TagObject),
  places: lenientArray(TagObject),
  place: lenientArray(TagObject),
  duplicates: lenientArray(DuplicateObject),
  altids: lenientArray(ValueObject),
});

type Ninjs = z.infer<typeof NinjsObject>;
type Tag = z.infer<typeof TagObject>;
type ValueObj = z.infer<typeof ValueObject>;

/** The ninjs altids role under which Wiredesk's export names an article's story. */
export const STORY_ALTID = "wiredesk-story";

// ---------------------------------------------------------------- input

/** One JSON value cut from the input, or why it could not be read. */
type Unit = { location: string } & ({ value: unknown } | { error: string });

/** Parse ninjs: one object, an array of objects, or one object per line (NDJSON). */
export function parseNinjs(text: string, opts: ParseOptions): ParseResult {
  const src = text.replace(/^\uFEFF/, "");
  if (!src.trim()) throw new IngestInputError(opts.name, "empty ninjs input");
  const articles: ParsedArticle[] = [];
  const errors: ItemError[] = [];
  const units = opts.firstLine !== undefined ? ndjsonUnits(src, opts.firstLine) : splitUnits(src, opts.name);
  for (const unit of units) {
    const out =
      "error" in unit
        ? { location: unit.location, message: unit.error }
        : toArticle(unit.value, unit.location, opts);
    if ("message" in out) errors.push(out);
    else articles.push(out);
  }
  return { format: "ninjs", articles, errors };
}

function splitUnits(src: string, name: string): Unit[] {
  const head = src.trimStart()[0];
  if (head !== "{" && head !== "[") {
    throw new IngestInputError(name, "not ninjs: expected a JSON object, an array or one object per line");
  }
  const whole = tryJson(src);
  if (whole.ok) {
    if (Array.isArray(whole.value)) {
      return whole.value.map((value, i) => ({ value, location: `item ${i + 1}` }));
    }
    return [{ value: whole.value, location: "item 1" }];
  }
  if (head === "[") {
    const units = splitJsonArray(src);
    if (units) return units;
  } else if (looksLikeNdjson(src)) {
    return ndjsonUnits(src);
  }
  throw new IngestInputError(name, `invalid JSON: ${describeJsonError(whole.error, src)}`);
}

function ndjsonUnits(src: string, firstLine = 1): Unit[] {
  const units: Unit[] = [];
  src.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const location = `line ${i + firstLine}`;
    units.push(jsonUnit(line, location));
  });
  return units;
}

/**
 * NDJSON when one of the first lines is a whole object starting at column 0;
 * nested objects of a broken pretty-printed document are indented.
 */
function looksLikeNdjson(src: string): boolean {
  const lines = src.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  return lines.slice(0, 5).some((l) => {
    const t = l.trimEnd();
    return t.startsWith("{") && t.endsWith("}") && tryJson(t).ok;
  });
}

/**
 * A JSON array that does not parse as a whole, cut into its top-level
 * elements so one broken object costs only itself. Two resyncs keep the
 * damage local: a string may not span lines in JSON, so a newline ends a
 * runaway string; and an object opening at or left of the current
 * element's column while that element is still open means it never closed.
 */
function splitJsonArray(src: string): Unit[] | undefined {
  const open = src.indexOf("[");
  const segments: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let inString = false;
  let start = open + 1;
  let lineStart = src.lastIndexOf("\n", open) + 1;
  let indent = -1; // column where the current element begins
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    if (c === "\n") {
      inString = false;
      lineStart = i + 1;
      if (depth > 0 && indent >= 0 && opensElementAt(src, lineStart, indent)) {
        segments.push({ start, end: i });
        start = lineStart;
        depth = 0;
        indent = -1;
      }
      continue;
    }
    if (inString) {
      if (c === "\\" && src[i + 1] !== "\n") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 0 && indent < 0) indent = i - lineStart;
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      if (depth === 0) {
        segments.push({ start, end: i });
        start = -1;
        break;
      }
      depth--;
    } else if (c === "," && depth === 0) {
      segments.push({ start, end: i });
      start = i + 1;
      indent = -1;
    }
  }
  if (start >= 0) segments.push({ start, end: src.length });
  const nonEmpty = segments.filter((s) => src.slice(s.start, s.end).trim());
  if (nonEmpty.length === 0) return undefined;
  const lines = lineNumbers(src, nonEmpty.map((s) => s.start + leadingSpace(src.slice(s.start, s.end))));
  return nonEmpty.map((s, i) => {
    return jsonUnit(src.slice(s.start, s.end), `item ${i + 1} (line ${lines[i]})`);
  });
}

function jsonUnit(text: string, location: string): Unit {
  const parsed = tryJson(text);
  return parsed.ok
    ? { value: parsed.value, location }
    : { location, error: `invalid JSON: ${describeJsonError(parsed.error)}` };
}

/** Does the line at lineStart open an object at or left of column indent? */
function opensElementAt(src: string, lineStart: number, indent: number): boolean {
  let i = lineStart;
  while (i < src.length && (src[i] === " " || src[i] === "\t" || src[i] === "\r")) i++;
  return src[i] === "{" && i - lineStart <= indent;
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

function lineNumbers(text: string, positions: number[]): number[] {
  let line = 1;
  let at = 0;
  return positions.map((pos) => {
    for (; at < pos; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  });
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: parseJsonClean(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

// -------------------------------------------------------- object → article

function toArticle(value: unknown, location: string, opts: ParseOptions): ParsedArticle | ItemError {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { location, message: "not a JSON object" };
  }
  const parsed = NinjsObject.safeParse(value);
  if (!parsed.success) return { location, message: `invalid ninjs: ${describeIssues(parsed.error)}` };
  const item = parsed.data;

  const headline = squash(pickHeadline(item) ?? "");
  const body = readBody(item, opts.baseUrl);
  if (!headline && !body) return { location, message: "missing headline and body" };
  if (!headline) return { location, message: "missing headline" };
  if (!body) return { location, message: "missing body" };

  const sourceName = readSource(item) ?? opts.defaultSource;
  const uri = item.uri?.trim() || item.guid?.trim() || deriveUri(sourceName ?? opts.name, headline);
  const article: ParsedArticle = { uri, headline, bodyText: body.text, location };
  if (body.html) article.bodyHtml = body.html;
  setText(article, "url", toHttpUrl(item.url, opts.baseUrl) ?? canonicalLink(item, opts.baseUrl));
  setText(article, "byline", item.by ?? item.byline ?? joinBylines(item.bylines));
  // "located" is ninjs's dateline place; our own export writes the full dateline.
  setText(article, "dateline", item.dateline ?? item.located);
  // Wiredesk's export carries a photo or wire credit as an infosource with role "credit".
  setText(article, "credit", item.credit ?? item.infosources?.find((s) => s?.role === "credit")?.name);
  setText(article, "caption", item.caption ?? item.descriptions?.find((d) => d?.role === "caption")?.value);
  setText(article, "language", item.language);
  if (sourceName) article.sourceName = sourceName;
  const first = parseDate(item.firstcreated) ?? parseDate(item.versioncreated);
  const version = parseDate(item.versioncreated) ?? first;
  if (first) article.firstCreated = first;
  if (version) article.versionCreated = version;
  const status = readStatus(item);
  if (status) article.status = status;
  const subjects = readSubjects([...(item.subjects ?? []), ...(item.subject ?? [])]);
  if (subjects.length) article.subjects = subjects;
  const places = readPlaces([...(item.places ?? []), ...(item.place ?? [])]);
  if (places.length) article.places = places;
  const duplicates = readDuplicates(item.duplicates);
  if (duplicates.length) article.duplicates = duplicates;
  const story = item.altids?.find((a) => a?.role === STORY_ALTID)?.value.trim();
  if (story) article.storyKey = story.slice(0, 200);
  return article;
}

type TextField = "url" | "byline" | "dateline" | "credit" | "caption" | "language";

/** Sets a string field only when it has content, so absent stays absent. */
function setText(article: ParsedArticle, key: TextField, value: string | undefined): void {
  const v = value?.trim();
  if (v) article[key] = squash(v);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/** ninjs 2.x headlines[] (the main one first), else the 1.x / Wiredesk single headline. */
function pickHeadline(item: Ninjs): string | undefined {
  if (item.headline?.trim()) return item.headline;
  const main = preferMain(item.headlines ?? []);
  return main.find((h) => h.value.trim())?.value;
}

/** Entries with no role or a main role come before summaries, captions and the like. */
function preferMain(values: ValueObj[]): ValueObj[] {
  const isMain = (v: ValueObj) => !v.role || /^(main|body|text|headline)$/i.test(v.role);
  return [...values.filter(isMain), ...values.filter((v) => !isMain(v))];
}

function readBody(item: Ninjs, baseUrl: string | undefined): { html?: string; text: string } | undefined {
  const bodies = preferMain(item.bodies ?? []);
  const isHtml = (v: ValueObj) => /html/i.test(v.contenttype ?? "");
  const rawHtml = firstText(item.body_html, item.body_xhtml, bodies.find(isHtml)?.value);
  const rawText = firstText(item.body_text, bodies.find((b) => !isHtml(b))?.value);
  const html = rawHtml ? sanitizeBodyHtml(rawHtml, baseUrl ? { baseUrl } : {}) : undefined;
  const text = rawText ? cleanParagraphs(rawText) : html ? htmlToText(html).trim() : "";
  if (!text) return undefined;
  return html ? { html, text } : { text };
}

function canonicalLink(item: Ninjs, baseUrl: string | undefined): string | undefined {
  const links = (item.links ?? []).filter((l) => l !== null);
  const link = links.find((l) => l.rel === "canonical") ?? links.find((l) => l.rel === "alternate");
  return toHttpUrl(link?.href, baseUrl);
}

function joinBylines(bylines: Ninjs["bylines"]): string | undefined {
  const names = (bylines ?? []).flatMap((b) => {
    const v = typeof b === "string" ? b : (b?.byline ?? b?.name ?? b?.value);
    return v?.trim() ? [v.trim()] : [];
  });
  return names.length ? names.join(", ") : undefined;
}

function readSource(item: Ninjs): string | undefined {
  const provider = typeof item.provider === "string" ? item.provider : item.provider?.name;
  const candidates = [
    item.infosources?.find((s) => s?.name?.trim() && s.role !== "credit")?.name,
    item.infosource?.find((s) => s?.name?.trim())?.name,
    item.copyrightholder,
    provider,
  ];
  const found = candidates.find((c) => c?.trim());
  return found ? squash(found) : undefined;
}

/** Wiredesk's own status wins; a provider's "canceled" means the story is dead, so spiked. */
function readStatus(item: Ninjs): WorkflowStatus | undefined {
  const own = item.status?.trim().toLowerCase();
  const status = workflowStatus.safeParse(own);
  if (status.success) return status.data;
  return item.pubstatus?.trim().toLowerCase() === "canceled" ? "spiked" : undefined;
}

function readSubjects(tags: Array<Tag | null>): IncomingTag[] {
  const out = tags.flatMap((t): IncomingTag[] => {
    if (!t) return [];
    const code =
      toMedtopCode(t.code ?? t.qcode ?? t.literal ?? "", t.scheme) ?? toMedtopCode(t.uri ?? "");
    if (code) return [tagFrom("medtop", code, t)];
    // A newsroom's own tag, as Wiredesk's export writes it: "newsroom:<slug>".
    const own = [t.uri, t.code, t.qcode].find((v) => v && /^newsroom:[\w-]+$/.test(v.trim()));
    return own ? [tagFrom("newsroom", own.trim(), t)] : [];
  });
  return uniqueTags(out);
}

function readPlaces(tags: Array<Tag | null>): IncomingTag[] {
  const out = tags.flatMap((t): IncomingTag[] => {
    if (!t) return [];
    const fromUri = t.uri && /3166/.test(t.uri) ? /\/([A-Za-z]{2})\/?$/.exec(t.uri)?.[1] : undefined;
    const code = toIsoCountry(t.code ?? t.qcode ?? t.literal ?? fromUri ?? "");
    return code ? [tagFrom("iso3166", code, t)] : [];
  });
  return uniqueTags(out);
}

function tagFrom(scheme: IncomingTag["scheme"], code: string, t: Tag): IncomingTag {
  const tag: IncomingTag = { scheme, code };
  if (t.name?.trim()) tag.name = t.name.trim();
  const creator = t.creator?.toLowerCase();
  const made = tagCreator.safeParse(creator);
  if (made.success) tag.creator = made.data;
  const confidence = toConfidence(t.confidence ?? t.relevance);
  if (confidence !== undefined) tag.confidence = confidence;
  if (t.rel?.trim()) tag.rel = t.rel.trim();
  const state = tagState.safeParse(t.state);
  if (state.success) tag.state = state.data;
  return tag;
}

/** Confidence as 0..1; ninjs 1.x relevance is given as 0..100. */
function toConfidence(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
  if (value <= 1) return value;
  return value <= 100 ? value / 100 : undefined;
}

function readDuplicates(dups: Ninjs["duplicates"]): IncomingDuplicate[] {
  return (dups ?? []).flatMap((d): IncomingDuplicate[] => {
    if (!d?.uri.trim()) return [];
    return [{ uri: d.uri.trim(), kind: d.kind, score: d.score, status: d.status ?? "suggested" }];
  });
}

function firstText(...values: Array<string | undefined>): string | undefined {
  return values.find((v) => typeof v === "string" && v.trim() !== "");
}
