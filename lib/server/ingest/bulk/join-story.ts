// joinStory and refreshStory of lib/server/stories/story-clusters.ts on the
// bulk path's connection: the same rules, the same writes, in the same order
// (the bulk comparison test holds them to it). A change to the story rules
// there must be made here too.
import "server-only";
import { isVersionKind, linkStrength, mergesStories, storyKindOf, STORY_KIND_LABEL } from "../../../schemas/stories";
import type { JoinResult, StoryLink } from "../../stories/story-clusters";
import { readDate, type Conn, type Param } from "./conn";

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

export async function joinStorySql(c: Conn, articleId: number, links: StoryLink[], opts: { inheritStatus?: boolean }, now: Date): Promise<JoinResult> {
  if (links.length === 0) return { storyId: null, kind: "first" };
  // With each one's source name, which the reason names: one statement fewer a join.
  const sourceOf = new Map<number, string | null>();
  const others = new Map(
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
  const usable = links.filter((l) => others.has(l.otherId));
  if (usable.length === 0) return { storyId: null, kind: "first" };
  const storyKey = (id: number) => {
    const o = others.get(id)!;
    return o.storyId === null ? `a${o.id}` : `s${o.storyId}`;
  };
  if (usable.every((l) => l.kind === "contains") && new Set(usable.map((l) => storyKey(l.otherId))).size > 1) {
    return { storyId: null, kind: "first" };
  }
  const best = [...usable].sort((x, y) => linkStrength(y.kind) - linkStrength(x.kind) || y.score - x.score || x.otherId - y.otherId)[0]!;
  const bestOther = others.get(best.otherId)!;
  const storyId = bestOther.storyId ?? (await storyAround(c, bestOther.id, now));
  const kind = best.olderVersion ? "copy" : storyKindOf(best.kind);

  // The story's members by its own index, the lead picked here: asked for "the first lead by id", PostgreSQL
  // without statistics (a store being filled by an import) walked the lead index from the oldest article.
  const lead = (await c.all<{ id: number | string; status: string; storyLead: boolean | number }>(`SELECT "id", "status", "storyLead" FROM "Article" WHERE "storyId" = ?`, [storyId]))
    .filter((r) => Boolean(r.storyLead))
    .sort((a, b) => Number(a.id) - Number(b.id))[0];
  const inherited = opts.inheritStatus !== false && kind === "copy" && lead && lead.status !== "new" ? lead.status : undefined;
  const reason = reasonFor(best, sourceOf.get(best.otherId) ?? null) + (inherited ? ` · arrived after the story was ${inherited}` : "");
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

async function dismissedBetween(c: Conn, a: number[], b: number[]): Promise<boolean> {
  const [row] = await c.all<{ n: number | string }>(
    `SELECT count(*) AS "n" FROM "DuplicateLink" WHERE "state" = 'dismissed'
       AND ((${inIds(c, `"articleId"`)} AND ${inIds(c, `"otherId"`)}) OR (${inIds(c, `"articleId"`)} AND ${inIds(c, `"otherId"`)}))`,
    [ids(c, a), ids(c, b), ids(c, b), ids(c, a)],
  );
  return Number(row?.n ?? 0) > 0;
}

async function refreshStorySql(c: Conn, storyId: number, now: Date): Promise<void> {
  const rows = (
    await c.all<{ id: number; sourceId: number | null; firstCreated: unknown; ingestedAt: unknown; storyKind: string; storyLead: boolean | number }>(
      `SELECT "id", "sourceId", "firstCreated", "ingestedAt", "storyKind", "storyLead" FROM "Article" WHERE "storyId" = ?`,
      [storyId],
    )
  )
    .map((r) => ({
      id: Number(r.id),
      sourceId: r.sourceId === null ? null : Number(r.sourceId),
      firstCreated: readDate(r.firstCreated),
      ingestedAt: readDate(r.ingestedAt)!,
      storyKind: r.storyKind,
      storyLead: Boolean(r.storyLead),
    }))
    .sort((a, b) => a.id - b.id);
  if (rows.length <= 1) {
    if (rows[0]) await c.run(`UPDATE "Article" SET "storyId" = NULL, "storyLead" = ?, "storyKind" = 'first', "updatedAt" = ? WHERE "id" = ?`, [true, now, rows[0].id]);
    await c.run(`DELETE FROM "Story" WHERE "id" = ?`, [storyId]);
    return;
  }
  const seen = (r: (typeof rows)[number]) => (r.firstCreated ?? r.ingestedAt).getTime();
  const first = [...rows].sort((a, b) => seen(a) - seen(b) || a.id - b.id)[0]!;
  const versions = rows.filter((r) => isVersionKind(r.storyKind) || r.id === first.id);
  const lead = (versions.length ? versions : rows)[(versions.length ? versions : rows).length - 1]!;
  const sources = new Set(rows.map((r) => (r.sourceId === null ? "unknown" : r.sourceId))).size;
  await c.run(
    `UPDATE "Story" SET "firstId" = ?, "leadId" = ?, "copies" = ?, "sources" = ?, "firstSeenAt" = ?, "lastUpdatedAt" = ?, "updatedAt" = ? WHERE "id" = ?`,
    [first.id, lead.id, rows.length, sources, new Date(Math.min(...rows.map(seen))), new Date(Math.max(...rows.map((r) => r.ingestedAt.getTime()))), now, storyId],
  );
  // By id, the rows read above: "storyId = ? AND storyLead" let PostgreSQL without statistics AND in a bitmap of every lead.
  const demoted = rows.filter((r) => r.storyLead && r.id !== lead.id).map((r) => r.id);
  if (demoted.length) await c.run(`UPDATE "Article" SET "storyLead" = ?, "updatedAt" = ? WHERE ${inIds(c, `"id"`)}`, [false, now, ids(c, demoted)]);
  if (!lead.storyLead) await c.run(`UPDATE "Article" SET "storyLead" = ?, "updatedAt" = ? WHERE "id" = ? AND "storyLead" = ?`, [true, now, lead.id, false]);
}
