// joinStory and refreshStory of lib/server/stories/story-clusters.ts on the
// bulk path's connection: the same rules, the same writes, in the same order
// (the bulk comparison test holds them to it). A change to the story rules
// there must be made here too.
import "server-only";
import { isVersionKind, linkStrength, mergesStories, storyKindOf, STORY_KIND_LABEL, type StoryKind } from "../../../schemas/stories";
import type { JoinResult, StoryLink } from "../../stories/story-clusters";
import { readDate, type Conn, type Param } from "./conn";
import type { HeldArticles } from "./pending-postgres";

interface Member {
  id: number;
  storyId: number | null;
  storyPinned: boolean;
  storyKind: string;
  status: string;
}

const MEMBER = `"id", "storyId", "storyPinned", "storyKind", "status"`;

function member(r: Record<string, unknown>): Member {
  return {
    id: Number(r.id),
    storyId: r.storyId === null ? null : Number(r.storyId),
    storyPinned: Boolean(r.storyPinned),
    storyKind: String(r.storyKind),
    status: String(r.status),
  };
}

const ids = (c: Conn, list: number[]): Param => (c.kind === "sqlite" ? JSON.stringify(list) : list);
const inIds = (c: Conn, col: string) => (c.kind === "sqlite" ? `${col} IN (SELECT value FROM json_each(?))` : `${col} = ANY(?::int[])`);

async function membersOf(c: Conn, a: Member): Promise<Member[]> {
  const rows = a.storyId === null
    ? await c.all<Record<string, unknown>>(`SELECT ${MEMBER} FROM "Article" WHERE "id" = ?`, [a.id])
    : await c.all<Record<string, unknown>>(`SELECT ${MEMBER} FROM "Article" WHERE "storyId" = ?`, [a.storyId]);
  // Ordered here, not by the store: an ORDER BY "id" may walk the primary key where statistics are missing.
  return rows.map(member).sort((x, y) => x.id - y.id);
}

function reasonFor(link: StoryLink, source: string | null): string {
  const other = source ? `${source}'s copy` : `article ${link.otherId}`;
  if (link.reason) return `${link.reason} (against ${other})`;
  const kind = storyKindOf(link.kind);
  const share = `${Math.round(link.score * 100)}%`;
  if (link.kind === "exact") return `exact copy of ${other}`;
  if (link.kind === "near") return `${other} lightly edited: ${share} of the words the same`;
  if (link.kind === "contains") return `carries ${other} whole`;
  if (link.kind === "contained") return `${share} of it is in ${other}`;
  return `${STORY_KIND_LABEL[kind]} of ${other} (${share})`;
}

async function storyAround(c: Conn, articleId: number, now: Date): Promise<number> {
  // The article's times read by the insert itself: one statement, where PostgreSQL pays a round trip for each.
  const [s] = await c.all<{ id: number }>(
    `INSERT INTO "Story" ("firstId", "leadId", "firstSeenAt", "lastUpdatedAt", "createdAt", "updatedAt")
     SELECT a."id", a."id", COALESCE(a."firstCreated", a."ingestedAt"), a."ingestedAt", ?, ? FROM "Article" a WHERE a."id" = ? RETURNING "id"`,
    [now, now, articleId],
  );
  const id = Number(s!.id);
  await c.run(`UPDATE "Article" SET "storyId" = ?, "updatedAt" = ? WHERE "id" = ?`, [id, now, articleId]);
  return id;
}

/** The links' other articles as the join reads them, and the link it follows; null when the article stays alone. */
async function chooseLink(c: Conn, links: StoryLink[], tx?: TxStories) {
  if (links.length === 0) return null;
  const sourceOf = new Map<number, string | null>();
  let others: Map<number, Member>;
  const known = tx && links.every((l) => tx.articles.has(l.otherId)) ? links.map((l) => tx.articles.get(l.otherId)!) : null;
  if (known) {
    others = new Map(known.map((k) => [k.id, k]));
    for (const k of known) sourceOf.set(k.id, k.sourceName);
  } else {
    // With each one's source name, which the reason names: one statement fewer a join.
    others = new Map(
      (
        await c.all<Record<string, unknown>>(
          `SELECT a."id", a."storyId", a."storyPinned", a."storyKind", a."status", (SELECT s."name" FROM "Source" s WHERE s."id" = a."sourceId") AS "sourceName"
           FROM "Article" a WHERE ${inIds(c, `a."id"`)}`,
          [ids(c, links.map((l) => l.otherId))],
        )
      ).map((r) => {
        const m = member(r);
        sourceOf.set(m.id, r.sourceName === null || r.sourceName === undefined ? null : String(r.sourceName));
        return [m.id, m] as const;
      }),
    );
  }
  const usable = links.filter((l) => others.has(l.otherId));
  if (usable.length === 0) return null;
  const storyKey = (id: number) => {
    const o = others.get(id)!;
    return o.storyId === null ? `a${o.id}` : `s${o.storyId}`;
  };
  if (usable.every((l) => l.kind === "contains") && new Set(usable.map((l) => storyKey(l.otherId))).size > 1) return null;
  const best = [...usable].sort((x, y) => linkStrength(y.kind) - linkStrength(x.kind) || y.score - x.score || x.otherId - y.otherId)[0]!;
  return { others, sourceOf, usable, storyKey, best, bestOther: others.get(best.otherId)! };
}

/** What the new article inherits from its story's lead, and the reason its row gives. */
function joinTerms(best: StoryLink, source: string | null, leadStatus: string | undefined, opts: { inheritStatus?: boolean }) {
  const kind: StoryKind = best.olderVersion ? "copy" : storyKindOf(best.kind);
  const inherited = opts.inheritStatus !== false && kind === "copy" && leadStatus !== undefined && leadStatus !== "new" ? leadStatus : undefined;
  const reason = reasonFor(best, source) + (inherited ? ` · arrived after the story was ${inherited}` : "");
  return { kind, inherited, reason };
}

const firstLead = <T extends { id: number | string; storyLead: boolean | number }>(rows: T[]) =>
  rows.filter((r) => Boolean(r.storyLead)).sort((a, b) => Number(a.id) - Number(b.id))[0];

export async function joinStorySql(c: Conn, articleId: number, links: StoryLink[], opts: { inheritStatus?: boolean }, now: Date): Promise<JoinResult> {
  const chosen = await chooseLink(c, links);
  if (!chosen) return { storyId: null, kind: "first" };
  const { others, sourceOf, usable, storyKey, best, bestOther } = chosen;
  const storyId = bestOther.storyId ?? (await storyAround(c, bestOther.id, now));

  // The story's members by its own index, the lead picked here: asked for "the first lead by id", PostgreSQL
  // without statistics (a store being filled by an import) walked the lead index from the oldest article.
  const lead = firstLead(await c.all<{ id: number | string; status: string; storyLead: boolean | number }>(`SELECT "id", "status", "storyLead" FROM "Article" WHERE "storyId" = ?`, [storyId]));
  const { kind, inherited, reason } = joinTerms(best, sourceOf.get(best.otherId) ?? null, lead?.status, opts);
  await c.run(
    `UPDATE "Article" SET "storyId" = ?, "storyKind" = ?, "storyScore" = ?, "storyReason" = ?, "status" = COALESCE(?, "status"), "updatedAt" = ? WHERE "id" = ?`,
    [storyId, kind, best.score, reason, inherited ?? null, now, articleId],
  );

  const merged = new Set<string>([`s${storyId}`, storyKey(best.otherId)]);
  const inStory = async () => (await c.all<{ id: number }>(`SELECT "id" FROM "Article" WHERE "storyId" = ?`, [storyId])).map((r) => Number(r.id));
  for (const l of usable) {
    if (!mergesStories(l.kind)) continue;
    const key = storyKey(l.otherId);
    if (merged.has(key)) continue;
    merged.add(key);
    const moving = await membersOf(c, others.get(l.otherId)!);
    if (moving.some((m) => m.storyPinned)) continue;
    if (await dismissedBetween(c, moving.map((m) => m.id), await inStory())) continue;
    const from = others.get(l.otherId)!.storyId;
    for (const m of moving) {
      if (m.storyKind === "first") {
        await c.run(`UPDATE "Article" SET "storyId" = ?, "storyKind" = 'copy', "storyReason" = ?, "updatedAt" = ? WHERE "id" = ?`, [
          storyId,
          `joined through article ${articleId}, a copy of both`,
          now,
          m.id,
        ]);
      } else {
        await c.run(`UPDATE "Article" SET "storyId" = ?, "updatedAt" = ? WHERE "id" = ?`, [storyId, now, m.id]);
      }
    }
    if (from !== null) await c.run(`DELETE FROM "Story" WHERE "id" = ?`, [from]);
  }
  await refreshStorySql(c, storyId, now);
  return { storyId, kind, inherited };
}

/**
 * A new article's story, decided before the article is written, so that it is
 * written with its story and no update of it follows: on PostgreSQL each
 * update of an article writes its every index entry again and runs three row
 * triggers, and a copy's join and its lead flag were two such updates, about
 * a third of what a copy cost (decision 016). The same rules as joinStorySql,
 * whose writes to the new article it folds into the insert. "alone": it joins
 * nothing. "after": its links would merge stories, which joinStorySql does
 * once it is written.
 */
export interface StoryPlan {
  storyId: number;
  kind: StoryKind;
  score: number;
  reason: string;
  inherited?: string;
  /** The new article leads its story (written with the flag, which refreshStory would otherwise set after). */
  lead: boolean;
  /** The story's other members as refreshStory reads them, the new article last with NEW_ARTICLE as its id. */
  rows: StoryRow[];
}

/** The new article's id in a plan made before SQLite gives it one: the largest, as the id it gets is (the writer holds the lock). */
const NEW_ARTICLE = Number.MAX_SAFE_INTEGER;

export async function planJoinSql(
  c: Conn,
  links: StoryLink[],
  opts: { inheritStatus?: boolean },
  now: Date,
  self: { id: number | null; sourceId: number | null; firstCreated: Date | null },
  tx?: { stories: TxStories; held: HeldArticles },
): Promise<StoryPlan | "alone" | "after"> {
  const chosen = await chooseLink(c, links, tx?.stories);
  if (!chosen) return "alone";
  const { sourceOf, usable, storyKey, best, bestOther } = chosen;
  if (usable.some((l) => mergesStories(l.kind) && storyKey(l.otherId) !== storyKey(best.otherId))) return "after";
  const storyId = bestOther.storyId ?? (tx?.stories.articles.has(bestOther.id) ? await tx.stories.around(c, bestOther.id, tx.held, now) : await storyAround(c, bestOther.id, now));
  // One read of the members serves both the lead the copy inherits from and the story's figures; none for a story this transaction made.
  const members = tx?.stories.members(storyId) ??
    (await c.all<Record<string, unknown>>(`SELECT ${STORY_ROW}, "status" FROM "Article" WHERE "storyId" = ?`, [storyId])).map((r) => ({
      ...storyRow(r),
      status: String(r.status),
    }));
  const { kind, inherited, reason } = joinTerms(best, sourceOf.get(best.otherId) ?? null, firstLead(members)?.status, opts);
  const id = self.id ?? NEW_ARTICLE;
  const rows: StoryRow[] = [
    ...members,
    // As the insert leaves it before refreshStory: alone, so its story's lead.
    { id, sourceId: self.sourceId, firstCreated: self.firstCreated, ingestedAt: now, storyKind: kind, storyLead: true },
  ];
  return { storyId, kind, score: best.score, reason, inherited, lead: storyFigures(rows).lead.id === id, rows };
}

/** An article this transaction wrote, as a join reads it. */
interface KnownArticle extends Member, StoryRow {
  sourceName: string | null;
}

/**
 * PostgreSQL: the story state of the articles this transaction wrote, and
 * the members of the stories it made, so that a copy of them reads nothing
 * back (a wire story's copies come together, in one batch). Exact: no other
 * transaction sees those rows before the commit, and every write of this
 * one to them passes here (`record`), or empties the lot (`clear`: a join
 * that merges stories). Kept for one transaction.
 */
export class TxStories {
  readonly articles = new Map<number, KnownArticle>();
  /** Stories this transaction made, with their members' ids, all among `articles`. */
  private readonly stories = new Map<number, number[]>();

  /** A new article as written: alone, or with its planned story (and its story's lead flags as the plan set them). */
  record(a: Omit<KnownArticle, "storyPinned">, plan?: StoryPlan): void {
    this.articles.set(a.id, { ...a, storyPinned: false });
    if (!plan) return;
    this.stories.get(plan.storyId)?.push(a.id);
    const lead = storyFigures(plannedRows(plan, a.id)).lead.id;
    for (const r of plan.rows) {
      const k = this.articles.get(r.id);
      if (k && k.id !== a.id) k.storyLead = k.id === lead;
    }
  }

  /** The members of a story this transaction made, as planJoinSql reads them; undefined for any other story. */
  members(storyId: number): (StoryRow & { status: string })[] | undefined {
    return this.stories.get(storyId)?.map((id) => ({ ...this.articles.get(id)! }));
  }

  /** storyAround for one of the transaction's articles; written with its story when it is still held. */
  async around(c: Conn, id: number, held: HeldArticles, now: Date): Promise<number> {
    const a = this.articles.get(id)!;
    let storyId: number;
    if (held.isHeld(id)) {
      const [s] = await c.all<{ id: number }>(
        `INSERT INTO "Story" ("firstId", "leadId", "firstSeenAt", "lastUpdatedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?) RETURNING "id"`,
        [id, id, a.firstCreated ?? a.ingestedAt, a.ingestedAt, now, now],
      );
      storyId = Number(s!.id);
      if (!held.setStory(id, storyId, now)) await c.run(`UPDATE "Article" SET "storyId" = ?, "updatedAt" = ? WHERE "id" = ?`, [storyId, now, id]);
    } else {
      storyId = await storyAround(c, id, now);
    }
    this.made(storyId, id);
    return storyId;
  }

  /** A story this transaction made around one of its articles. */
  made(storyId: number, firstId: number): void {
    this.articles.get(firstId)!.storyId = storyId;
    this.stories.set(storyId, [firstId]);
  }

  /** A source's name as the reason gives it, read once a transaction. */
  async sourceName(c: Conn, sourceId: number): Promise<string | null> {
    if (!this.names.has(sourceId)) {
      const [row] = await c.all<{ name: string }>(`SELECT "name" FROM "Source" WHERE "id" = ?`, [sourceId]);
      this.names.set(sourceId, row ? String(row.name) : null);
    }
    return this.names.get(sourceId)!;
  }

  private readonly names = new Map<number, string | null>();

  clear(): void {
    this.articles.clear();
    this.stories.clear();
    this.names.clear();
  }
}

/** A planned join's story as it stands once the article is written: the article's own row given its id and lead flag. */
function plannedRows(plan: StoryPlan, articleId: number): StoryRow[] {
  return plan.rows.map((r, i) => (i === plan.rows.length - 1 ? { ...r, id: articleId, storyLead: plan.lead } : r));
}

export const plannedJoin = (plan: StoryPlan): JoinResult => ({ storyId: plan.storyId, kind: plan.kind, inherited: plan.inherited });

/** The rest of a planned join once the article is written with its plan: the story's figures and its other members' lead flags. */
export async function finishJoinSql(c: Conn, plan: StoryPlan, articleId: number, now: Date): Promise<JoinResult> {
  await writeStory(c, plan.storyId, plannedRows(plan, articleId), now);
  return plannedJoin(plan);
}

/**
 * PostgreSQL: finishJoinSql with the article's links written before the
 * story, and the join's audit entry after it, in one statement instead of a
 * round trip each (a copy's story-join, links and entry: three statements).
 * The link rows' trigger reads the article, which is written by then.
 */
export async function finishJoinPostgres(
  c: Conn,
  plan: StoryPlan,
  articleId: number,
  now: Date,
  links: { otherId: number; kind: string; score: number; evidence: string }[],
  entry: { userId: number | null; actor: string; after: string },
): Promise<JoinResult> {
  const rows = plannedRows(plan, articleId);
  const f = storyFigures(rows);
  await c.run(
    `WITH l AS (
       INSERT INTO "DuplicateLink" ("articleId", "otherId", "kind", "score", "state", "evidence", "createdAt", "updatedAt")
       SELECT ?::int, x.other, x.kind, x.score, 'suggested', x.evidence, ?::timestamp(3), ?::timestamp(3)
       FROM unnest(?::int[], ?::text[], ?::float8[], ?::text[]) WITH ORDINALITY AS x(other, kind, score, evidence, ord)
       ORDER BY x.ord
     ), s AS (
       UPDATE "Story" SET "firstId" = ?, "leadId" = ?, "copies" = ?, "sources" = ?, "firstSeenAt" = ?, "lastUpdatedAt" = ?, "updatedAt" = ? WHERE "id" = ?
     )
     INSERT INTO "AuditEntry" ("at", "userId", "actor", "action", "entityType", "entityId", "articleId", "before", "after")
     VALUES (?, ?, ?, 'story.join', 'article', ?, ?, NULL, ?)`,
    [
      articleId,
      now,
      now,
      links.map((l) => l.otherId),
      links.map((l) => l.kind),
      links.map((l) => l.score),
      links.map((l) => l.evidence),
      f.first.id,
      f.lead.id,
      f.copies,
      f.sources,
      f.firstSeenAt,
      f.lastUpdatedAt,
      now,
      plan.storyId,
      now,
      entry.userId,
      entry.actor,
      String(articleId),
      articleId,
      entry.after,
    ],
  );
  await leadFlags(c, rows, f.lead, now);
  return plannedJoin(plan);
}

async function dismissedBetween(c: Conn, a: number[], b: number[]): Promise<boolean> {
  const [row] = await c.all<{ n: number | string }>(
    `SELECT count(*) AS "n" FROM "DuplicateLink" WHERE "state" = 'dismissed'
       AND ((${inIds(c, `"articleId"`)} AND ${inIds(c, `"otherId"`)}) OR (${inIds(c, `"articleId"`)} AND ${inIds(c, `"otherId"`)}))`,
    [ids(c, a), ids(c, b), ids(c, b), ids(c, a)],
  );
  return Number(row?.n ?? 0) > 0;
}

/** An article of a story as refreshStory reads it. */
interface StoryRow {
  id: number;
  sourceId: number | null;
  firstCreated: Date | null;
  ingestedAt: Date;
  storyKind: string;
  storyLead: boolean;
}

const STORY_ROW = `"id", "sourceId", "firstCreated", "ingestedAt", "storyKind", "storyLead"`;

function storyRow(r: Record<string, unknown>): StoryRow {
  return {
    id: Number(r.id),
    sourceId: r.sourceId === null ? null : Number(r.sourceId),
    firstCreated: readDate(r.firstCreated),
    ingestedAt: readDate(r.ingestedAt)!,
    storyKind: String(r.storyKind),
    storyLead: Boolean(r.storyLead),
  };
}

async function refreshStorySql(c: Conn, storyId: number, now: Date): Promise<void> {
  const rows = (await c.all<Record<string, unknown>>(`SELECT ${STORY_ROW} FROM "Article" WHERE "storyId" = ?`, [storyId])).map(storyRow);
  if (rows.length <= 1) {
    if (rows[0]) await c.run(`UPDATE "Article" SET "storyId" = NULL, "storyLead" = ?, "storyKind" = 'first', "updatedAt" = ? WHERE "id" = ?`, [true, now, rows[0].id]);
    await c.run(`DELETE FROM "Story" WHERE "id" = ?`, [storyId]);
    return;
  }
  await writeStory(c, storyId, rows, now);
}

/** refreshStory's choice over a story of two articles or more: its first, its lead (the newest version), its figures. */
function storyFigures(rows: StoryRow[]) {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const seen = (r: StoryRow) => (r.firstCreated ?? r.ingestedAt).getTime();
  const first = [...sorted].sort((a, b) => seen(a) - seen(b) || a.id - b.id)[0]!;
  const versions = sorted.filter((r) => isVersionKind(r.storyKind) || r.id === first.id);
  const lead = (versions.length ? versions : sorted)[(versions.length ? versions : sorted).length - 1]!;
  return {
    first,
    lead,
    copies: rows.length,
    sources: new Set(rows.map((r) => (r.sourceId === null ? "unknown" : r.sourceId))).size,
    firstSeenAt: new Date(Math.min(...rows.map(seen))),
    lastUpdatedAt: new Date(Math.max(...rows.map((r) => r.ingestedAt.getTime()))),
  };
}

async function writeStory(c: Conn, storyId: number, rows: StoryRow[], now: Date): Promise<void> {
  const f = storyFigures(rows);
  await c.run(
    `UPDATE "Story" SET "firstId" = ?, "leadId" = ?, "copies" = ?, "sources" = ?, "firstSeenAt" = ?, "lastUpdatedAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
    [f.first.id, f.lead.id, f.copies, f.sources, f.firstSeenAt, f.lastUpdatedAt, now, storyId],
  );
  await leadFlags(c, rows, f.lead, now);
}

/** Each member but the lead loses the lead flag, and the lead has it. */
async function leadFlags(c: Conn, rows: StoryRow[], lead: StoryRow, now: Date): Promise<void> {
  // By id, the rows read above: "storyId = ? AND storyLead" let PostgreSQL without statistics AND in a bitmap of every lead.
  const demoted = rows.filter((r) => r.storyLead && r.id !== lead.id).map((r) => r.id);
  if (demoted.length) await c.run(`UPDATE "Article" SET "storyLead" = ?, "updatedAt" = ? WHERE ${inIds(c, `"id"`)}`, [false, now, ids(c, demoted)]);
  if (!lead.storyLead) await c.run(`UPDATE "Article" SET "storyLead" = ?, "updatedAt" = ? WHERE "id" = ? AND "storyLead" = ?`, [true, now, lead.id, false]);
}
