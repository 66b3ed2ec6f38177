// The same story across languages, after each ingest run: a Spanish agency's
// copy and the English wire story on one event join one story, linked as
// "translation" (same story, other language), by what survives translation
// (lib/dedup/across-languages.ts). Run once a run's articles are stored, by
// whichever path stored them, so the per-item and bulk paths end alike.
//
// The run's articles are taken in order of their time (published, else
// arrived), a page at a time; each page is compared with the store's copy in
// other languages of its own days, two days either side (the newest 5,000 of
// them), whenever that copy arrived: an archive spans years, and its copies of
// one story were published, not stored, on the same day. Each article's names
// and figures are found once and kept across runs. A run with no article in a
// known language asks nothing; where the copy of the run's days is all in one
// language, one query a month of copy says so and nothing else is read. Where
// it is not, a page in the month's main language is compared with the month's
// other copy, read once, not with its own language's: an English archive with
// one story detected as Lithuanian read 5,000 English texts a page for it.
import "server-only";
import { Prisma } from "../../../prisma/generated/sqlite/client";
import type { Db } from "../db/client";
import { readRows } from "../db/read-rows";
import { instant, PUBLISHED_SQL } from "../articles/article-sql";
import {
  ACROSS_RULE,
  AcrossLanguagesIndex,
  figureLabels,
  matchAcrossLanguages,
  survivors,
  type AcrossMatch,
  type CommonName,
  type Survivors,
} from "../../dedup/across-languages";
import { languageLabel } from "../../schemas/vocabulary";
import { joinStory, refreshStory } from "./story-clusters";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const HOUR = 3_600_000;
/** Copy checked for more than one language at once: an archive of one language spanning years is asked a month at a time, not a page at a time. */
const LANGUAGES_CHECKED_FOR = 30 * 24 * HOUR;
/** Articles of the run read at once. */
const PAGE = 500;
/** Other-language copies one run's page is compared with, newest first: a bound on the work and on what is read. */
const MAX_CANDIDATES = 5_000;
/**
 * A month's copy outside its main language, read once for the month's pages
 * (their rows, not their text), up to this many: each page of the main
 * language then asks the store nothing. Past it, each page asks the store for
 * its own days' copy in other languages, which scans those days' rows.
 */
const MONTH_OTHERS_MAX = 50_000;

interface Row {
  id: number;
  language: string;
  hash: string;
  /** Published, else arrived. */
  at: Date;
  source: string | null;
}

/** Characters of a body read for its names and figures: a story's are in its first paragraphs, and bodies can be long. */
const BODY_CHARS = 4_000;

// The rows to compare carry no text: names and figures are kept (below), and a desk's recent copy is compared run after run.
const rowsSql = (where: Prisma.Sql, tail: Prisma.Sql = Prisma.empty) => Prisma.sql`SELECT a."id", a."language", a."contentHash",
    ${PUBLISHED_SQL} AS "at", s."name" AS "source"
  FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE ${where} ${tail}`;

type Raw = { id: unknown; language: string; contentHash: string; at: unknown; source: string | null };
const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const toRow = (r: Raw): Row => ({
  id: Number(r.id),
  language: r.language,
  hash: r.contentHash,
  at: toDate(r.at),
  source: r.source,
});

/** Names and figures by store, article and text (an article updated since is read again), kept across runs. */
const knownByStore = new WeakMap<Db, Map<string, Survivors>>();
const KNOWN_MAX = 50_000;
const keyOf = (r: Row) => `${r.id}:${r.hash}`;

/** Reads the text of the rows whose names and figures are not in `into` yet, and puts them there. */
async function learn(db: Db, rows: Row[], into: Map<string, Survivors>, known: Map<string, Survivors>): Promise<void> {
  const missing = rows.filter((r) => !into.has(keyOf(r)) && !known.has(keyOf(r)));
  for (let at = 0; at < missing.length; at += PAGE) {
    const slice = missing.slice(at, at + PAGE);
    const texts = await readRows<{ id: unknown; headline: string; body: string }>(
      db,
      Prisma.sql`SELECT a."id", a."headline", substr(a."bodyText", 1, ${BODY_CHARS}) AS "body" FROM "Article" a WHERE a."id" IN (${Prisma.join(slice.map((r) => r.id))})`,
    );
    const byId = new Map(texts.map((t) => [Number(t.id), t]));
    for (const r of slice) {
      const t = byId.get(r.id);
      if (t) into.set(keyOf(r), survivors(t.headline, t.body));
    }
  }
}

/**
 * Links (and joins) a run's stored articles (`ids`: new and updated ones with
 * a language) to their copies in other languages published (else arrived)
 * within two days of them; returns the links written.
 */
export async function linkAcrossLanguages(db: Db, ids: number[], opts: { maxCandidates?: number } = {}): Promise<number> {
  if (ids.length === 0) return 0;
  const maxCandidates = opts.maxCandidates ?? MAX_CANDIDATES;
  const span = ACROSS_RULE.maxHours * HOUR;

  // The run in order of time: ids and times in typed arrays, so that a large archive's run fits.
  const unique = [...new Set(ids)].sort((x, y) => x - y);
  const runIds = new Float64Array(unique.length);
  const runAt = new Float64Array(unique.length);
  let n = 0;
  for (let at = 0; at < unique.length; at += PAGE) {
    const rows = await readRows<{ id: unknown; at: unknown }>(
      db,
      Prisma.sql`SELECT a."id", ${PUBLISHED_SQL} AS "at" FROM "Article" a WHERE a."id" IN (${Prisma.join(unique.slice(at, at + PAGE))}) AND a."language" IS NOT NULL`,
    );
    for (const r of rows) {
      runIds[n] = Number(r.id);
      runAt[n++] = toDate(r.at).getTime();
    }
  }
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((x, y) => runAt[x]! - runAt[y]! || runIds[x]! - runIds[y]!);

  // Kept across runs (a desk's recent copy is compared run after run), within a bound.
  let known = knownByStore.get(db);
  if (!known || known.size > KNOWN_MAX) knownByStore.set(db, (known = new Map()));
  // Whether the copy of some days is in more than one language, asked once for a month of copy at a time;
  // and then the copy of that month outside its main language, read once (when not too much) for the pages in it.
  let checked: { from: number; to: number; many: boolean; main: string | null; others: Row[] | null } | null = null;
  // The copy of the window last read, indexed by its names; a live run's pages all fall in one window.
  // `besides`: the one language the window's copy leaves out (its pages' own), or null for none left out.
  let window: { from: number; to: number; besides: string | null; index: AcrossLanguagesIndex<Row> } | null = null;

  // Copy with a language published between two times (the queue's index on that time).
  const inWindow = (from: number, to: number) =>
    Prisma.sql`${PUBLISHED_SQL} >= ${instant(db, new Date(from))} AND ${PUBLISHED_SQL} <= ${instant(db, new Date(to))} AND a."language" IS NOT NULL`;
  let written = 0;
  for (let at = 0; at < n; at += PAGE) {
    const slice = order.subarray(at, Math.min(n, at + PAGE));
    const lo = runAt[slice[0]!]! - span;
    const hi = runAt[slice[slice.length - 1]!]! + span;
    // Only worth a look when the copy of these days is in more than one language: an English desk reads no text here.
    if (!checked || lo < checked.from || hi > checked.to) {
      const to = Math.max(hi, lo + LANGUAGES_CHECKED_FOR);
      const languages = await readRows<{ language: string; n: unknown }>(
        db,
        Prisma.sql`SELECT a."language", count(*) AS "n" FROM "Article" a WHERE ${inWindow(lo, to)} GROUP BY a."language"`,
      );
      const main = languages.reduce<{ language: string; n: number } | null>((m, r) => (!m || Number(r.n) > m.n ? { language: r.language, n: Number(r.n) } : m), null);
      const besidesMain = languages.reduce((t, r) => t + (r.language === main?.language ? 0 : Number(r.n)), 0);
      const others =
        main && languages.length > 1 && besidesMain <= MONTH_OTHERS_MAX
          ? (await readRows<Raw>(db, rowsSql(Prisma.sql`${inWindow(lo, to)} AND a."language" <> ${main.language}`))).map(toRow)
          : null;
      checked = { from: lo, to, many: languages.length > 1, main: main?.language ?? null, others };
    }
    if (!checked.many) continue;
    const page = (
      await readRows<Raw>(db, rowsSql(Prisma.sql`a."id" IN (${Prisma.join([...slice].map((i) => runIds[i]!))}) AND a."language" IS NOT NULL`, Prisma.sql`ORDER BY a."id"`))
    ).map(toRow);
    // A page in one language is compared with the other languages' copy only, and only that is read:
    // an English archive with a few stories in another language reads those few, not the English copy
    // of each page's days (5,000 texts a page, a quarter of a 60,000-story archive's import).
    const pageLanguages = new Set(page.map((r) => r.language));
    const besides = pageLanguages.size === 1 ? page[0]!.language : null;
    if (!window || lo < window.from || hi > window.to || (window.besides !== null && window.besides !== besides)) {
      let candidates: Row[];
      if (besides !== null && besides === checked.main && checked.others) {
        // A page in the month's main language: its candidates are among the month's other copy, already read.
        candidates = checked.others.filter((r) => r.at.getTime() >= lo && r.at.getTime() <= hi);
        candidates = candidates.sort((x, y) => y.id - x.id).slice(0, maxCandidates);
      } else {
        const where = besides === null ? inWindow(lo, hi) : Prisma.sql`${inWindow(lo, hi)} AND a."language" <> ${besides}`;
        candidates = (await readRows<Raw>(db, rowsSql(where, Prisma.sql`ORDER BY a."id" DESC LIMIT ${maxCandidates}`))).map(toRow);
      }
      if (known.size > KNOWN_MAX) knownByStore.set(db, (known = new Map()));
      await learn(db, candidates, known, known);
      // Each article is compared only with the candidates in other languages that share enough names to match.
      const index = new AcrossLanguagesIndex<Row>();
      for (const c of candidates) {
        const sc = known.get(keyOf(c));
        if (sc) index.add(c, c.language, sc);
      }
      window = { from: lo, to: hi, besides, index };
    }
    const index = window.index;
    // Nothing in another language: the page's own text is not read either.
    if (index.size === 0) continue;
    // The run's own articles are read for this page only: an archive's would not fit.
    const local = new Map<string, Survivors>();
    await learn(db, page, local, known);
    const read: { a: Row; sa: Survivors }[] = [];
    for (const a of page) {
      const sa = local.get(keyOf(a)) ?? known.get(keyOf(a));
      if (sa) read.push({ a, sa });
    }
    // What is common in the page's own languages, too: a stray English earnings table detected as Lithuanian
    // is the only copy in its language, and shares "Net", "Revs" and "Shr" with every English one.
    const own = new AcrossLanguagesIndex<number>();
    for (const { a, sa } of read) own.add(a.id, a.language, sa);
    const theirCommon = commonsOf(index);
    const ourCommon = commonsOf(own);
    for (const { a, sa } of read) {
      const found: { other: Row; match: AcrossMatch }[] = [];
      for (const { item: c, survivors: sc } of index.sharing(a.language, sa)) {
        if (c.id === a.id) continue;
        const hours = Math.abs(a.at.getTime() - c.at.getTime()) / HOUR;
        if (hours > ACROSS_RULE.maxHours) continue;
        // Names the days' copy carries everywhere say little ("Sánchez" in a week of Spanish politics), in either language.
        const theirs = theirCommon(c.language);
        const ours = ourCommon(a.language);
        const match = matchAcrossLanguages(sa, sc, hours, (k) => theirs(k) || ours(k));
        if (match) found.push({ other: c, match });
      }
      // Best first; each pair once, from the newer article's side.
      found.sort((x, y) => y.match.score - x.match.score || x.other.id - y.other.id);
      for (const { other, match } of found) {
        const [newer, older] = a.id > other.id ? [a, other] : [other, a];
        if (await db.$transaction((tx) => linkPair(tx, newer, older, match))) written++;
      }
    }
  }
  return written;
}

/** An index's common names by language, each language's asked for once. */
function commonsOf<T>(index: AcrossLanguagesIndex<T>): (language: string) => CommonName {
  const byLanguage = new Map<string, CommonName>();
  return (language) => byLanguage.get(language) ?? byLanguage.set(language, index.common(language)).get(language)!;
}

/**
 * Why `joining` joined the story of `other`, in an editor's words: which
 * languages, and what the two share. joinStory adds whose copy it was
 * ("(against Express Tribune's copy)"), as it does for every link.
 */
function reason(joining: Row, other: Row, m: AcrossMatch): string {
  // Largest first, as an editor would quote them, then dates.
  const top = figureLabels(m.figures).slice(0, 4);
  const figures = top.length ? `; the figures ${top.join(", ")}` : "";
  return `same story in ${languageLabel(joining.language)} as the ${languageLabel(other.language)} copy: ${m.names.length} names in common${figures}`;
}

async function linkPair(tx: Tx, newer: Row, older: Row, m: AcrossMatch): Promise<boolean> {
  // Any link between the two already says what they are; an editor's "not the same story" stands.
  const existing = await tx.duplicateLink.count({
    where: { OR: [{ articleId: newer.id, otherId: older.id }, { articleId: older.id, otherId: newer.id }] },
  });
  if (existing > 0) return false;
  await tx.duplicateLink.create({
    data: {
      articleId: newer.id,
      otherId: older.id,
      kind: "translation",
      score: m.score,
      state: "suggested",
      evidence: JSON.stringify({ names: m.names, figures: m.figures }),
    },
  });
  const story = { id: true, storyId: true, storyPinned: true } as const;
  const n = await tx.article.findUniqueOrThrow({ where: { id: newer.id }, select: story });
  const o = await tx.article.findUniqueOrThrow({ where: { id: older.id }, select: story });
  if (n.storyId !== null && n.storyId === o.storyId) return true;
  // Alone, the newer copy joins the older one's story; the older one, alone, joins the newer's. An editor's placing stands.
  if (n.storyId === null) {
    if (!n.storyPinned) await joinStory(tx, newer.id, [{ otherId: older.id, kind: "translation", score: m.score, reason: reason(newer, older, m) }], { inheritStatus: false });
  } else if (o.storyId === null) {
    if (!o.storyPinned) await joinStory(tx, older.id, [{ otherId: newer.id, kind: "translation", score: m.score, reason: reason(older, newer, m) }], { inheritStatus: false });
  } else {
    // Two stories, one in each language: one story, unless an editor placed a copy of either or kept two of them apart.
    const moving = await tx.article.findMany({ where: { storyId: n.storyId }, select: { id: true, storyPinned: true } });
    const staying = await tx.article.findMany({ where: { storyId: o.storyId }, select: { id: true, storyPinned: true } });
    if ([...moving, ...staying].some((x) => x.storyPinned)) return true;
    const a = moving.map((x) => x.id);
    const b = staying.map((x) => x.id);
    const apart = await tx.duplicateLink.count({
      where: { state: "dismissed", OR: [{ articleId: { in: a }, otherId: { in: b } }, { articleId: { in: b }, otherId: { in: a } }] },
    });
    if (apart > 0) return true;
    const from = n.storyId;
    await tx.article.updateMany({ where: { storyId: from }, data: { storyId: o.storyId } });
    const against = older.source ? `${older.source}'s copy` : `article ${older.id}`;
    await tx.article.update({ where: { id: newer.id }, data: { storyKind: "translation", storyScore: m.score, storyReason: `${reason(newer, older, m)} (against ${against})` } });
    await tx.story.delete({ where: { id: from } });
    await refreshStory(tx, o.storyId);
  }
  return true;
}
