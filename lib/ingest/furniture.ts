// Page furniture: the buttons, promos and section headings a scraper copies
// along with the story. Generic patterns of news and aggregator sites, never
// strings of one particular page.

/** Furniture lines that end the story: what follows is comments, promos or other stories. */
const END_LINES: RegExp[] = [
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i,
  /^no comments(?: yet)?\b/i,
  /^(?:leave|post|add|write) a comment$/i,
  /^be the first to comment\b/i,
  /^(?:show|view|load) (?:all |more )?comments$/i,
  /^related(?: articles?| stories| news| posts| content| coverage| reading)?$/i,
  /^(?:you (?:may|might) (?:also )?like|recommended(?: for you| stories| articles)?)$/i,
  /^(?:more (?:from|on|in) .{1,40}|more stories|more news|other stories)$/i,
  /^(?:trending|most read|most popular|popular|top stories|latest news|editor'?s picks)(?: now| today)?$/i,
  /^try our ai features$/i,
  /^explore what .{1,60} can do for you$/i,
];

/** Furniture lines that are skipped where they stand. */
const SKIP_LINES: RegExp[] = [
  /^listen to (?:this )?article(?:\s*\(?\d+\s*min(?:ute)?s?\)?)?$/i,
  /^listen(?: now)?$/i,
  /^\d+\s*min(?:ute)?s?\s+(?:read|listen)$/i,
  /^(?:advertisement|advertising|sponsored(?: content)?|ad feedback|story continues below(?: advertisement)?|scroll to continue(?: with content)?)$/i,
  /^share(?: this)?(?: article| story| post| page)?$/i,
  /^share (?:on|via|to) [\w ]{1,30}$/i,
  /^(?:copy link|link copied|print|email|save|bookmark|gift this article)$/i,
  /^(?:read|see) (?:more|also)\b.{0,150}$/i,
  /^(?:click|tap) here\b.{0,100}$/i,
  /^(?:subscribe|sign up)(?: now| today)?(?: to| for) (?:our|the|a) .{1,60}$/i,
  /^(?:subscribe|sign up|log in|sign in|register)(?: now| today)?$/i,
  /^follow us on\b.{0,80}$/i,
  /^(?:skip to (?:main )?content|back to top|menu|search)$/i,
  /^(?:photo|image|video) gallery$/i,
  /^(?:translate|font size|text size)$/i,
];

/**
 * Phrases that sit inline inside a single-line body and are cut out of it.
 * Only distinctive phrases: a plain word like "Advertisement" is cut only
 * between sentences.
 */
const INLINE: RegExp[] = [
  /\bListen to (?:this )?[Aa]rticle\b(?:\s*\(?\d+\s*min(?:ute)?s?\)?)?/g,
  /\bTry Our AI Features\b/gi,
  /\bShare this (?:article|story)\b/g,
  /\b(?:Story continues below(?: advertisement)?|Scroll to continue(?: with content)?)\b/gi,
  /(?<=^|[.!?'"”’]\s+)(?:ADVERTISEMENT|Advertisement)(?=\s+[\p{Lu}‘“'"]|\s*$)/gu,
];

/** No furniture line is longer than this; longer lines skip the pattern tests. */
const MAX_FURNITURE_LINE = 200;

// One alternation per kind: a page can have a million lines.
const END_RE = new RegExp(END_LINES.map((re) => `(?:${re.source})`).join("|"), "i");
const ANY_RE = new RegExp([...END_LINES, ...SKIP_LINES].map((re) => `(?:${re.source})`).join("|"), "i");

/** A word every inline phrase starts with: most paragraphs skip the phrase tests. */
const INLINE_HINT_RE = /listen|try our|share this|story continues|scroll to|advertisement/i;

/** Trim the punctuation a furniture line may carry ("Comments:", "No comments yet..."). */
function bare(line: string): string {
  if (line.length > MAX_FURNITURE_LINE) return "";
  return line
    .trim()
    .replace(/^[\s\-–—•·|>»]+/, "")
    .replace(/[\s:.…!»>|]+$/, "")
    .trim();
}

/** A whole line that is furniture of either kind. */
export function isFurnitureLine(line: string): boolean {
  const b = bare(line);
  return b !== "" && ANY_RE.test(b);
}

/** A furniture line after which the story does not go on. */
export function isEndFurnitureLine(line: string): boolean {
  const b = bare(line);
  return b !== "" && END_RE.test(b);
}

/**
 * Split a line at inline furniture phrases. The pieces matter: a caption
 * often ends just where "Listen to article" starts the story.
 */
export function splitAtInlineFurniture(text: string): string[] {
  if (!INLINE_HINT_RE.test(text)) return text.trim() === "" ? [] : [text.trim()];
  let marked = text;
  for (const re of INLINE) marked = marked.replace(re, "\u0000");
  return marked
    .split("\u0000")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Remove inline furniture phrases, keeping the text around them as one line. */
export function stripInlineFurniture(text: string): string {
  return splitAtInlineFurniture(text).join(" ");
}
