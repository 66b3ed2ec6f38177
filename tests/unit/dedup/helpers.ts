import { readFileSync } from "node:fs";

import { compare, prepare, type DuplicateMatch } from "../../../lib/dedup/compare";
import { DedupIndex } from "../../../lib/dedup/dedup-index";
import { fingerprint, type Fingerprint } from "../../../lib/dedup/fingerprint";
import { parseInput } from "../../../lib/ingest/index";
import type { ParsedArticle } from "../../../lib/ingest/types";
import type { DuplicateKind } from "../../../lib/schemas/vocabulary";

export const DEMO_TIME = new Date("2026-11-25T12:00:00Z");

export interface DemoArticle extends ParsedArticle {
  file: string;
}

/** Every article of the demo copy, in manifest (load) order. */
export function demoArticles(): DemoArticle[] {
  const dir = new URL("../../../prisma/demo/", import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", dir), "utf8")) as { file: string; source?: string }[];
  return manifest.flatMap((m) =>
    parseInput(readFileSync(new URL(m.file, dir)), { name: m.file, ingestTime: DEMO_TIME, defaultSource: m.source }).articles.map((a) => ({
      ...a,
      file: m.file,
    })),
  );
}

export interface DeskLink {
  /** The article that arrived later, and the one it was found against. */
  newer: DemoArticle;
  older: DemoArticle;
  match: DuplicateMatch;
}

/**
 * What the store does, in memory: articles arrive in order; a known uri is an
 * update (its old fingerprint leaves the index); anything else is looked up,
 * its candidates verified, and the links kept.
 */
export function ingestAll(articles: DemoArticle[]): { links: DeskLink[]; updates: number } {
  const index = new DedupIndex();
  const byUri = new Map<string, { id: number; fp: Fingerprint }>();
  const stored = new Map<number, DemoArticle>();
  let links: DeskLink[] = [];
  let updates = 0;
  articles.forEach((a, id) => {
    const fp = fingerprint(a.bodyText);
    const earlier = byUri.get(a.uri);
    if (earlier) {
      updates++;
      index.remove(earlier.id, earlier.fp);
      stored.delete(earlier.id);
      links = links.filter((l) => l.newer.uri !== a.uri && l.older.uri !== a.uri);
    }
    const p = prepare(a.bodyText);
    for (const hit of index.candidates(fp, id)) {
      const other = stored.get(hit.id);
      const match = other ? compare(p, other.bodyText) : null;
      if (other && match) links.push({ newer: a, older: other, match });
    }
    index.add(id, fp);
    stored.set(id, a);
    byUri.set(a.uri, { id, fp });
  });
  return { links, updates };
}

// The planted duplicates of prisma/demo/README.md, item A first, kind read from A's side.

export type Pick = (a: DemoArticle) => boolean;
const uri = (suffix: string): Pick => (a) => a.uri.endsWith(suffix);
const related = (file: string, source: string, headline: string): Pick => (a) =>
  a.file.endsWith(file) && a.sourceName === source && a.headline.startsWith(headline);

export const PLANTED: [string, DuplicateKind, Pick, Pick][] = [
  ["X0", "exact", related("daily-aggregator-seed.txt", "Daily8", "International child abuse ring"), related("daily-aggregator-seed.txt", "Express Tribune", "International child abuse ring")],
  ["X1", "exact", uri("world/2026/11/09/spain-fake-weight-loss-pens"), uri("world/2026/11/09/spain-fake-weight-loss-injections")],
  ["X2", "exact", uri("world/2026/11/16/chennai-floods"), related("newsrack-madrid-jewellery-raid.txt", "Coromandel Courier", "Heavy rain floods Chennai")],
  ["N1", "near", uri("world/2026/11/10/kharkiv-underground-schools"), uri("world/2026/11/10/kharkiv-underground-classrooms")],
  ["N2", "near", uri("world/2026/11/12/france-no-confidence-budget"), uri("20261112:france-censure-motion-budget")],
  ["N3", "near", uri("nation/2026/11/17/paris-texas-finance-director-guilty-plea"), related("newsrack-prisoner-exchange.txt", "Red River Record", "Ex-Paris, Texas")],
  ["C1", "contains", uri("business/2026/11/19/morning-markets-briefing"), uri("world/2026/11/19/turkey-central-bank-holds")],
  ["C2", "contains", uri("world/2026/11/19/world-briefing"), uri("world/2026/11/18/sudan-darfur-convoy-attack")],
  ["C3", "contains", (a) => a.file.endsWith("harbour-gazette-article.html"), uri("news/2026/11/21/storm-fenella-power-cuts-floods")],
  ["S1", "same-story", uri("world/2026/11/15/georgia-tbilisi-broadcasting-protest"), uri("world/2026/11/16/georgia-tbilisi-protest-broadcasting-bill")],
  ["S2", "same-story", uri("world/2026/11/11/jordan-aqaba-amman-desalination"), related("newsrack-prisoner-exchange.txt", "Gulf Chronicle", "Jordan inks")],
  ["S3", "same-story", uri("world/2026/11/06/brazil-amazon-deforestation-prodes"), uri("climate/2026/11/06/brazil-amazon-clearing-drop")],
];
