// A story as the desk shows it: its articles oldest first (who ran it first,
// who copied or rewrote it), and what each update or correction changed.
import "server-only";
import { diffWords } from "diff";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import { workflowStatus } from "../../schemas/vocabulary";
import { isVersionKind, storyKind, type StoryDetail, type StoryMember, type VersionChange } from "../../schemas/stories";

/** Words of unchanged text kept either side of a change, so it reads in place. */
const CONTEXT_WORDS = 6;

function shorten(text: string, side: "start" | "end" | "both"): string {
  const words = text.split(/(\s+)/);
  const keep = CONTEXT_WORDS * 2; // words and the spaces between them
  if (words.length <= keep * 2 + 1) return text;
  if (side === "start") return "… " + words.slice(-keep).join("");
  if (side === "end") return words.slice(0, keep).join("") + " …";
  return words.slice(0, keep).join("") + " … " + words.slice(-keep).join("");
}

/**
 * What the newer text changed, word by word (jsdiff): added and removed runs
 * in full, shared text cut to a little context around them, so the change
 * stands out instead of the text the two share.
 */
export function versionChange(from: { id: number; headline: string; bodyText: string }, to: { id: number; headline: string; bodyText: string }): VersionChange {
  const raw = diffWords(`${from.headline}\n\n${from.bodyText}`, `${to.headline}\n\n${to.bodyText}`);
  const parts: VersionChange["parts"] = [];
  let added = 0;
  let removed = 0;
  raw.forEach((p, i) => {
    const words = p.value.trim() ? p.value.trim().split(/\s+/).length : 0;
    if (p.added) {
      added += words;
      parts.push({ op: "added", text: p.value });
    } else if (p.removed) {
      removed += words;
      parts.push({ op: "removed", text: p.value });
    } else {
      const side = i === 0 ? "start" : i === raw.length - 1 ? "end" : "both";
      parts.push({ op: "same", text: shorten(p.value, side) });
    }
  });
  return { from: from.id, to: to.id, parts, added, removed };
}

const iso = (d: Date) => d.toISOString();

export class StoryNotFoundError extends Error {}

/** The story of an article (the article alone when it has none). */
export async function getStoryOf(db: Db, articleId: number, actor: Actor): Promise<StoryDetail> {
  authorize(actor, "read");
  const a = await db.article.findUnique({ where: { id: articleId }, select: { id: true, storyId: true } });
  if (!a) throw new StoryNotFoundError(`No article ${articleId}`);
  return a.storyId === null ? build(db, null, [articleId]) : getStory(db, a.storyId, actor);
}

export async function getStory(db: Db, storyId: number, actor: Actor): Promise<StoryDetail> {
  authorize(actor, "read");
  const ids = (await db.article.findMany({ where: { storyId }, select: { id: true } })).map((r) => r.id);
  if (ids.length === 0) throw new StoryNotFoundError(`No story ${storyId}`);
  return build(db, storyId, ids);
}

async function build(db: Db, storyId: number | null, ids: number[]): Promise<StoryDetail> {
  const [rows, story] = await Promise.all([
    db.article.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        headline: true,
        bodyText: true,
        status: true,
        version: true,
        url: true,
        storyKind: true,
        storyScore: true,
        storyReason: true,
        storyPinned: true,
        storyLead: true,
        firstCreated: true,
        ingestedAt: true,
        source: { select: { name: true } },
      },
    }),
    storyId === null ? null : db.story.findUnique({ where: { id: storyId } }),
  ]);
  const seen = (r: (typeof rows)[number]) => (r.firstCreated ?? r.ingestedAt).getTime();
  rows.sort((x, y) => seen(x) - seen(y) || x.id - y.id);
  // "First" is who ran it first (the earliest publication), not what arrived first.
  const firstId = story?.firstId ?? rows[0]!.id;
  const kindOf = (r: (typeof rows)[number]) => (r.id === firstId ? "first" : storyKind.catch("copy").parse(r.storyKind === "first" ? "copy" : r.storyKind));
  const members: StoryMember[] = rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    source: r.source?.name ?? null,
    status: workflowStatus.parse(r.status),
    version: r.version,
    kind: kindOf(r),
    score: r.storyScore,
    reason: r.storyReason,
    pinned: r.storyPinned,
    lead: storyId === null ? true : r.id === story?.leadId,
    publishedAt: iso(r.firstCreated ?? r.ingestedAt),
    ingestedAt: iso(r.ingestedAt),
    url: r.url,
  }));
  // Each update or correction against the version before it.
  const changes: VersionChange[] = [];
  let previous: (typeof rows)[number] | undefined;
  for (const r of rows) {
    if (!isVersionKind(r.storyKind) && r.id !== story?.firstId) continue;
    if (previous && (r.storyKind === "update" || r.storyKind === "correction")) changes.push(versionChange(previous, r));
    previous = r;
  }
  const lead = rows.find((r) => r.id === (story?.leadId ?? ids[0])) ?? rows[rows.length - 1]!;
  const first = rows.find((r) => r.id === story?.firstId) ?? rows[0]!;
  return {
    id: storyId,
    headline: lead.headline,
    leadId: lead.id,
    firstId: first.id,
    copies: rows.length,
    sources: story?.sources ?? 1,
    firstSeenAt: iso(story?.firstSeenAt ?? first.firstCreated ?? first.ingestedAt),
    lastUpdatedAt: iso(story?.lastUpdatedAt ?? lead.ingestedAt),
    members,
    changes,
  };
}
