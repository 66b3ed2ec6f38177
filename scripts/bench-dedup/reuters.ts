import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

// Reuters-21578 (Distribution 1.0) SGML: Latin-1, control characters, one
// <REUTERS> element per story. Read in place; never copied into the repository.

export interface ReutersStory {
  newId: number;
  title: string;
  dateline: string;
  body: string;
  /** When the story was sent (the DATE element), NaN when it cannot be read. */
  date: number;
  topics: string[];
}

const MONTHS: Record<string, number> = { JAN: 0, FEB: 1, MAR: 2, APR: 3, MAY: 4, JUN: 5, JUL: 6, AUG: 7, SEP: 8, OCT: 9, NOV: 10, DEC: 11 };

/** "26-FEB-1987 15:01:01.79" as milliseconds since the epoch (UTC). */
function readDate(s: string): number {
  const m = /(\d{1,2})-([A-Z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})/.exec(s.toUpperCase());
  const month = m ? MONTHS[m[2] ?? ""] : undefined;
  if (!m || month === undefined) return Number.NaN;
  return Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string): string {
  return s
    .replace(/&(#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => (e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : (ENTITIES[e] ?? "")))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}

function element(doc: string, name: string): string {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(doc);
  return m ? decode(m[1] ?? "") : "";
}

/** Stories of one .sgm file's text; stories without a body keep their unprocessed text, if any. */
export function parseReuters(sgml: string): ReutersStory[] {
  const out: ReutersStory[] = [];
  const re = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/g;
  for (let m = re.exec(sgml); m; m = re.exec(sgml)) {
    const attrs = m[1] ?? "";
    const doc = m[2] ?? "";
    const newId = Number(/NEWID="(\d+)"/.exec(attrs)?.[1] ?? 0);
    let body = element(doc, "BODY");
    if (!body && /<TEXT TYPE="UNPROC">/.test(doc)) body = element(doc, "TEXT");
    body = body.replace(/\s*Reuter\s*$/, "").trim();
    const topics = [...element(doc, "TOPICS").matchAll(/<D>([^<]*)<\/D>/g)].map((t) => t[1] ?? "");
    out.push({ newId, title: element(doc, "TITLE").trim(), dateline: element(doc, "DATELINE").trim(), body, date: readDate(element(doc, "DATE")), topics });
  }
  return out;
}

/** Every story of the reut2-*.sgm files in dir; a clear error when the corpus is not there. */
export function readReutersCorpus(dir: string): ReutersStory[] {
  if (!existsSync(dir)) {
    throw new Error(
      `Reuters-21578 corpus not found at ${dir}. Pass --corpus DIR or set WIREDESK_CORPUS_DIR to the folder holding reut2-*.sgm.`,
    );
  }
  const files = readdirSync(dir)
    .filter((f) => /^reut2-\d+\.sgm$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no reut2-*.sgm files in ${dir}`);
  return files.flatMap((f) => parseReuters(readFileSync(join(dir, f), "latin1")));
}
