import { readFileSync } from "node:fs";

import { parseInput } from "../../../lib/ingest/index";
import type { ParsedArticle } from "../../../lib/ingest/types";

// Articles from the committed seed page and the demo copy, parsed by the
// real ingest engine, for the tagging tests.

const INGEST_TIME = new Date("2026-11-25T12:00:00Z");

export function seedArticles(): ParsedArticle[] {
  const bytes = readFileSync(new URL("../../fixtures/pages/seed-aggregator.txt", import.meta.url));
  return parseInput(bytes, { name: "seed-aggregator.txt", ingestTime: INGEST_TIME }).articles;
}

let demo: ParsedArticle[] | undefined;

/** Every article of prisma/demo, in manifest order. */
export function demoArticles(): ParsedArticle[] {
  if (demo) return demo;
  const base = new URL("../../../prisma/demo/", import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", base), "utf8")) as { file: string; source?: string }[];
  demo = manifest.flatMap(({ file, source }) =>
    parseInput(readFileSync(new URL(file, base)), {
      name: file,
      ingestTime: INGEST_TIME,
      ...(source ? { defaultSource: source } : {}),
    }).articles,
  );
  return demo;
}

/** The demo article whose uri ends with, or whose headline starts with, the given text. */
export function demoArticle(key: string): ParsedArticle {
  const all = demoArticles();
  const found = all.filter((a) => a.uri.endsWith(key) || a.headline.startsWith(key));
  if (found.length === 0) throw new Error(`no demo article for ${key}`);
  return found[found.length - 1]!;
}
