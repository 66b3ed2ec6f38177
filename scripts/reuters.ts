// Reading Reuters-21578 (reut2-*.sgm, from outside the repository), shared by
// scripts/bench-tagging.ts and scripts/bench-tagging-speed.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface Doc {
  id: string;
  title: string;
  dateline: string;
  body: string;
  places: string[];
  topics: string[];
}

function decode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => {
      const c = Number(n);
      return c < 32 && c !== 10 ? " " : String.fromCharCode(c);
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[\x00-\x09\x0b-\x1f\x7f]/g, " ");
}

const tag = (doc: string, name: string): string | undefined => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(doc);
  return m?.[1];
};
const list = (doc: string, name: string): string[] => [...(tag(doc, name) ?? "").matchAll(/<D>([^<]*)<\/D>/g)].map((m) => m[1]!.trim());

export function readCorpus(dir: string, limit: number): Doc[] {
  const files = readdirSync(dir)
    .filter((f) => /^reut2-\d+\.sgm$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no reut2-*.sgm files in ${dir}`);
  const docs: Doc[] = [];
  for (const f of files) {
    const text = readFileSync(path.join(dir, f)).toString("latin1");
    for (const m of text.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const raw = m[2]!;
      const body = decode(tag(raw, "BODY") ?? "")
        .replace(/\s*Reuter\s*$/, "")
        .trim();
      docs.push({
        id: m[1]!,
        title: decode(tag(raw, "TITLE") ?? "").trim(),
        dateline: decode(tag(raw, "DATELINE") ?? "")
          .replace(/\s+-\s*$/, "")
          .trim(),
        body,
        places: list(raw, "PLACES"),
        topics: list(raw, "TOPICS"),
      });
      if (docs.length >= limit) return docs;
    }
  }
  return docs;
}

