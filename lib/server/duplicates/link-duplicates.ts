// The store side of duplicate detection: the article's fingerprint goes into
// the DedupKey index; candidates sharing an LSH band, a name band or enough
// anchors are verified (lib/dedup compare) before a link is written.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { compare, prepare, type DuplicateMatch, type SideInfo } from "../../dedup/compare";
import { configId, DEFAULT_FINGERPRINT_CONFIG, type DuplicateThresholds } from "../../dedup/config";
import { DEFAULT_CANDIDATE_RULE, isCandidate } from "../../dedup/dedup-index";
import { ANCHOR_BAND, fingerprint, indexKeys, isNameBand, lookupKeys, type Fingerprint } from "../../dedup/fingerprint";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Candidates verified per article: the best-ranked first; stock-phrase pile-ups stop here. */
const MAX_CANDIDATES = 50;

export interface VerifiedMatch {
  otherId: number;
  otherUri: string;
  otherSourceId: number | null;
  otherContentHash: string;
  match: DuplicateMatch;
}

interface Hit {
  id: number;
  bandHits: number;
  anchorHits: number;
  nameHits: number;
}

type Key = { band: number; key: number };

/**
 * Anchors shared by very many articles are stock phrases ("said in a
 * statement"), name keys shared by very many are the names every notice of a
 * kind carries: they find nothing worth verifying.
 */
async function rareKeys(tx: Tx, keys: Key[]): Promise<Key[]> {
  if (keys.length === 0) return keys;
  const common = await tx.dedupKey.groupBy({
    by: ["band", "key"],
    where: { band: { in: [...new Set(keys.map((k) => k.band))] }, key: { in: [...new Set(keys.map((k) => k.key))] } },
    _count: { _all: true },
    having: { key: { _count: { gt: DEFAULT_CANDIDATE_RULE.maxAnchorPostings } } },
  });
  const skip = new Set(common.map((c) => `${c.band}:${c.key}`));
  return skip.size ? keys.filter((k) => !skip.has(`${k.band}:${k.key}`)) : keys;
}

/** Articles sharing index keys with a fingerprint, ranked by how much they share. */
async function candidateHits(tx: Tx, fp: Fingerprint, excludeId?: number): Promise<Hit[]> {
  const keys = lookupKeys(fp);
  if (keys.length === 0) return [];
  const bands = keys.filter((k) => k.band !== ANCHOR_BAND && !isNameBand(k.band));
  const rare = await rareKeys(tx, keys.filter((k) => k.band === ANCHOR_BAND || isNameBand(k.band)));
  const anchors = rare.filter((k) => k.band === ANCHOR_BAND).map((k) => k.key);
  const names = rare.filter((k) => isNameBand(k.band));
  // Index lookups glued by UNION ALL: each arm is a plain (band, key)
  // index scan in both stores, where one OR-ed WHERE led PostgreSQL to scan the table.
  const arms: Prisma.Sql[] = [];
  const pairs = (ks: Key[]) => Prisma.join(ks.map((k) => Prisma.sql`("band" = ${k.band} AND "key" = ${k.key})`), " OR ");
  if (bands.length) arms.push(Prisma.sql`SELECT "articleId", 1 AS "b", 0 AS "a", 0 AS "n" FROM "DedupKey" WHERE ${pairs(bands)}`);
  if (anchors.length) {
    arms.push(Prisma.sql`SELECT "articleId", 0 AS "b", 1 AS "a", 0 AS "n" FROM "DedupKey" WHERE "band" = ${ANCHOR_BAND} AND "key" IN (${Prisma.join(anchors)})`);
  }
  if (names.length) arms.push(Prisma.sql`SELECT "articleId", 0 AS "b", 0 AS "a", 1 AS "n" FROM "DedupKey" WHERE ${pairs(names)}`);
  if (arms.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number | bigint; bandHits: number | bigint; anchorHits: number | bigint; nameHits: number | bigint }[]>`
    SELECT "articleId" AS "id", SUM("b") AS "bandHits", SUM("a") AS "anchorHits", SUM("n") AS "nameHits"
    FROM (${Prisma.join(arms, " UNION ALL ")}) AS "hits"
    WHERE "articleId" <> ${excludeId ?? -1}
    GROUP BY "articleId"`;
  return rows.map((r) => ({ id: Number(r.id), bandHits: Number(r.bandHits), anchorHits: Number(r.anchorHits), nameHits: Number(r.nameHits) }));
}

/** How many anchors each article has, asked in slices: a busy store can return more ids than one query may carry. */
async function anchorCounts(tx: Tx, ids: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx.dedupKey.groupBy({
      by: ["articleId"],
      where: { articleId: { in: ids.slice(i, i + 500) }, band: ANCHOR_BAND },
      _count: { _all: true },
    });
    for (const r of rows) counts.set(r.articleId, r._count._all);
  }
  return counts;
}

/**
 * Every stored article this text is a copy, rewrite or version of, verified,
 * best match first. `info` (headline, source, time of the incoming text)
 * lets corrections and updates be named and template notices be told apart
 * by their headlines; without it they come out as copies, as before.
 */
export async function findDuplicates(
  tx: Tx,
  bodyText: string,
  thresholds: DuplicateThresholds,
  excludeId?: number,
  info?: SideInfo,
): Promise<{ fp: Fingerprint; matches: VerifiedMatch[] }> {
  const fp = fingerprint(bodyText);
  const hits = await candidateHits(tx, fp, excludeId);
  // Only a hit on few anchors can hinge on the other article's anchor count (a short text); the rest are decided already.
  const decided = (h: Hit) => h.bandHits > 0 || h.nameHits >= DEFAULT_CANDIDATE_RULE.minNameHits;
  const unsure = fp.anchors.length > DEFAULT_CANDIDATE_RULE.shortAnchorCount
    ? hits.filter((h) => !decided(h) && h.anchorHits < DEFAULT_CANDIDATE_RULE.minAnchorHits)
    : hits.filter((h) => !decided(h));
  const counts = await anchorCounts(tx, unsure.map((h) => h.id));
  const ranked = hits
    .filter((h) => isCandidate(h, fp.anchors.length, counts.get(h.id) ?? 0))
    .sort((a, b) => b.bandHits - a.bandHits || b.anchorHits - a.anchorHits || b.nameHits - a.nameHits)
    .slice(0, MAX_CANDIDATES);
  if (ranked.length === 0) return { fp, matches: [] };
  const others = await tx.article.findMany({
    where: { id: { in: ranked.map((h) => h.id) } },
    select: { id: true, uri: true, bodyText: true, sourceId: true, contentHash: true, headline: true, versionCreated: true, firstCreated: true, ingestedAt: true },
  });
  const matches: VerifiedMatch[] = [];
  const text = prepare(bodyText); // tokenized once, verified against every candidate
  for (const o of others) {
    const other: SideInfo = { headline: o.headline, source: o.sourceId, time: o.versionCreated ?? o.firstCreated ?? o.ingestedAt };
    const match = compare(text, o.bodyText, info ? { thresholds, a: info, b: other } : { thresholds });
    if (match) matches.push({ otherId: o.id, otherUri: o.uri, otherSourceId: o.sourceId, otherContentHash: o.contentHash, match });
  }
  matches.sort((a, b) => rank(b.match) - rank(a.match) || b.match.score - a.match.score);
  return { fp, matches };
}

/** Which verified match a new article's links list first (translations come from another step and rank last). */
export const MATCH_RANK: Record<DuplicateMatch["kind"], number> = { exact: 4, correction: 3, update: 3, near: 2, contains: 1, contained: 1, "same-story": 0, translation: 0 };
const rank = (m: DuplicateMatch) => MATCH_RANK[m.kind];

/** Replaces the article's rows in the index with its current fingerprint. */
export async function indexArticle(tx: Tx, articleId: number, fp: Fingerprint): Promise<void> {
  await tx.dedupKey.deleteMany({ where: { articleId } });
  const keys = indexKeys(fp);
  if (keys.length) await tx.dedupKey.createMany({ data: keys.map((k) => ({ articleId, band: k.band, key: k.key })) });
  await tx.article.update({ where: { id: articleId }, data: { dedupConfig: configId(DEFAULT_FINGERPRINT_CONFIG) } });
}

/**
 * Writes a suggested link for each verified match not linked before, in
 * either direction and in any state: an editor's "not a duplicate" stands.
 * Copies of one text are linked once, to the first of them.
 */
export async function writeLinks(tx: Tx, articleId: number, matches: VerifiedMatch[]): Promise<number> {
  const existing = await tx.duplicateLink.findMany({
    where: { OR: [{ articleId }, { otherId: articleId }] },
    select: { articleId: true, otherId: true },
  });
  const linked = new Set(existing.map((l) => (l.articleId === articleId ? l.otherId : l.articleId)));
  const exactLinked = new Set<string>();
  let written = 0;
  for (const m of matches.sort((a, b) => a.otherId - b.otherId)) {
    if (linked.has(m.otherId)) continue;
    // Identical copies of one text are one group: link to the first, not to each.
    if (m.match.kind === "exact") {
      if (exactLinked.has(m.otherContentHash)) continue;
      exactLinked.add(m.otherContentHash);
    }
    await tx.duplicateLink.create({
      data: {
        articleId,
        otherId: m.otherId,
        kind: m.match.kind,
        score: m.match.score,
        state: "suggested",
        evidence: JSON.stringify(m.match.evidence),
      },
    });
    linked.add(m.otherId);
    written++;
  }
  return written;
}
