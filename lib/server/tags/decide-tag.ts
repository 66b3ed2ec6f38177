// Editors' decisions on an article's tags: accept or reject a suggestion,
// add a tag by hand, remove one. Each is audited and teaches the newsroom's
// model, so suggestions for new articles reflect it.
import "server-only";
import type { Db } from "../db/client";
import { retryBusy } from "../db/busy";
import { countryName, medtopConcept, topicName } from "../../tagging";
import { lessonId, teach, unteach } from "./tagging-model";
import { tagInputOf } from "./wanted-suggestions";
import { authorize, recordAudit, type Actor } from "../audit";
import { StaleWriteError } from "../articles/set-status";
import { isQueueChip } from "../../schemas/articles";
import type { suggestionsAccepted, tagAction, TagActionAnswer } from "../../schemas/tags";
import { givenScheme, tagState, type GivenScheme, type TagState } from "../../schemas/vocabulary";
import type { z } from "zod";

export class TagError extends Error {}
/** The article, or the tag on it, is not there (a TagError, so the desk's routes keep answering as before). */
export class TagNotFoundError extends TagError {}

async function articleInput(db: Db, articleId: number) {
  const a = await db.article.findUnique({
    where: { id: articleId },
    select: { headline: true, bodyText: true, dateline: true, language: true, credit: true },
  });
  if (!a) throw new TagNotFoundError(`No article ${articleId}`);
  // Read as ingest read it, so that what the editor's decision teaches is the story's own words and places.
  return tagInputOf(a);
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const staleTag = (articleId: number, current: { state: string; version: number }) =>
  new StaleWriteError(current, `Someone changed this tag on article ${articleId} since you saw it (now ${current.state}, version ${current.version}); the page shows it as it is now.`);

function audit(db: Db | Tx, actor: Actor, action: string, articleId: number, tag: { scheme: string; code: string }, before: unknown, after: unknown) {
  return recordAudit(db, actor, { action, entityType: "articleTag", entityId: `${articleId}:${tag.scheme}:${tag.code}`, articleId, before, after });
}

/**
 * Accepts or rejects a tag on an article (a suggestion, or an earlier
 * decision reversed). `expectedVersion` is the tag's version the editor saw:
 * when someone else decided since, the write is refused (StaleWriteError)
 * rather than silently replacing their decision. Without it, the version read
 * here is the one the write must still find, so two concurrent writers never
 * both succeed on the same state.
 * `undo`: the decision puts back the state an undone one replaced, so the
 * model takes that decision's lesson back rather than learning a new one.
 */
export async function decideTag(
  db: Db,
  articleId: number,
  tagId: number,
  state: Exclude<TagState, "suggested">,
  actor: Actor,
  expectedVersion?: number,
  opts: { undo?: boolean } = {},
) {
  authorize(actor, "triage");
  const input = await articleInput(db, articleId);
  const result = await retryBusy(() => db.$transaction(async (tx) => {
    const at = await tx.articleTag.findUnique({ where: { articleId_tagId: { articleId, tagId } }, include: { tag: true } });
    if (!at) throw new TagNotFoundError(`Article ${articleId} has no tag ${tagId}`);
    if (expectedVersion !== undefined && at.version !== expectedVersion) throw staleTag(articleId, at);
    if (at.state === state) return { row: at, changed: false };
    // The version in the where clause makes check and write one step, across instances too.
    const { count } = await tx.articleTag.updateMany({
      where: { id: at.id, version: at.version },
      data: { state, decidedById: actor.userId ?? null, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw staleTag(articleId, await tx.articleTag.findUniqueOrThrow({ where: { id: at.id } }));
    await audit(tx, actor, state === "accepted" ? "tag.accept" : "tag.reject", articleId, at.tag, { state: at.state, version: at.version }, { state, version: at.version + 1 });
    return { row: { ...at, state, version: at.version + 1 }, changed: true };
  }));
  const { row: at, changed } = result;
  if (!changed) return at;
  if (isLearnable(at.tag.scheme)) {
    const tag = { scheme: at.tag.scheme, code: at.tag.code };
    if (opts.undo) await unteach(db, input, tag, lessonId(articleId, tag));
    else await teach(db, input, { ...tag, signal: state === "accepted" ? "accept" : "reject" }, lessonId(articleId, tag));
  }
  return at;
}

/**
 * Puts a decided tag back to "suggested" (undoing a first decision); versioned
 * and audited like a decision. The model takes the decision's lesson back.
 */
export async function reopenTag(db: Db, articleId: number, tagId: number, actor: Actor, expectedVersion?: number) {
  authorize(actor, "triage");
  const input = await articleInput(db, articleId);
  const reopened = await retryBusy(() => db.$transaction(async (tx) => {
    const at = await tx.articleTag.findUnique({ where: { articleId_tagId: { articleId, tagId } }, include: { tag: true } });
    if (!at) throw new TagNotFoundError(`Article ${articleId} has no tag ${tagId}`);
    if (expectedVersion !== undefined && at.version !== expectedVersion) throw staleTag(articleId, at);
    if (at.state === "suggested") return { row: at, changed: false };
    const { count } = await tx.articleTag.updateMany({
      where: { id: at.id, version: at.version },
      data: { state: "suggested", decidedById: null, decidedAt: null, version: { increment: 1 } },
    });
    if (count !== 1) throw staleTag(articleId, await tx.articleTag.findUniqueOrThrow({ where: { id: at.id } }));
    await audit(tx, actor, "tag.reopen", articleId, at.tag, { state: at.state, version: at.version }, { state: "suggested", version: at.version + 1 });
    return { row: { ...at, state: "suggested", version: at.version + 1 }, changed: true };
  }));
  const { row, changed } = reopened;
  if (changed && isLearnable(row.tag.scheme)) {
    const tag = { scheme: row.tag.scheme, code: row.tag.code };
    await unteach(db, input, tag, lessonId(articleId, tag));
  }
  return row;
}

const isLearnable = (scheme: string): scheme is GivenScheme => givenScheme.safeParse(scheme).success;

/** The tag row for a scheme and code, created for countries and newsroom tags; topics must exist. */
async function resolveTag(db: Db, scheme: GivenScheme, code: string) {
  if (scheme === "medtop") {
    const concept = medtopConcept(code);
    if (!concept) throw new TagError(`${code} is not an IPTC Media Topic`);
    const tag = await db.tag.findUnique({ where: { scheme_code: { scheme, code: concept.qcode } } });
    return tag ?? db.tag.create({ data: { scheme, code: concept.qcode, name: topicName(concept.qcode), officialName: concept.label } });
  }
  if (scheme === "iso3166") {
    const iso = code.trim().toUpperCase();
    const name = countryName(iso);
    if (!/^[A-Z]{2}$/.test(iso) || name === iso) throw new TagError(`${code} is not an ISO 3166-1 country code`);
    return db.tag.upsert({ where: { scheme_code: { scheme, code: iso } }, create: { scheme, code: iso, name }, update: {} });
  }
  const tag = await db.tag.findUnique({ where: { scheme_code: { scheme, code } } });
  if (!tag) throw new TagError(`No newsroom tag ${code}: an admin adds it in the taxonomy first`);
  return tag;
}

/** An editor tags an article by hand. */
export async function addTag(db: Db, articleId: number, scheme: GivenScheme, code: string, actor: Actor) {
  authorize(actor, "triage");
  const input = await articleInput(db, articleId);
  const tag = await resolveTag(db, scheme, code);
  const before = await db.articleTag.findUnique({ where: { articleId_tagId: { articleId, tagId: tag.id } } });
  const at = await db.articleTag.upsert({
    where: { articleId_tagId: { articleId, tagId: tag.id } },
    create: { articleId, tagId: tag.id, origin: "editor", state: "accepted", confidence: 1, decidedById: actor.userId ?? null, decidedAt: new Date() },
    update: { state: "accepted", decidedById: actor.userId ?? null, decidedAt: new Date(), version: { increment: 1 } },
    include: { tag: true },
  });
  await audit(db, actor, "tag.add", articleId, tag, before ? { state: before.state, origin: before.origin } : null, { state: "accepted" });
  await teach(db, input, { scheme, code: tag.code, signal: before?.state === "suggested" ? "accept" : "add" }, lessonId(articleId, tag));
  return at;
}

/**
 * Takes a tag an editor added off an article again (a machine suggestion is
 * rejected instead); the model takes the adding's lesson back.
 */
export async function removeTag(db: Db, articleId: number, tagId: number, actor: Actor, expectedVersion?: number) {
  authorize(actor, "triage");
  const input = await articleInput(db, articleId);
  const at = await db.articleTag.findUnique({ where: { articleId_tagId: { articleId, tagId } }, include: { tag: true } });
  if (!at) throw new TagNotFoundError(`Article ${articleId} has no tag ${tagId}`);
  if (at.origin !== "editor") return decideTag(db, articleId, tagId, "rejected", actor, expectedVersion);
  if (expectedVersion !== undefined && at.version !== expectedVersion) throw staleTag(articleId, at);
  const { count } = await db.articleTag.deleteMany({ where: { id: at.id, version: at.version } });
  if (count !== 1) throw new TagError(`Someone changed this tag on article ${articleId} since you saw it; reload to see it.`);
  await audit(db, actor, "tag.remove", articleId, at.tag, { state: at.state, origin: at.origin }, null);
  const scheme = at.tag.scheme;
  if (isLearnable(scheme)) await unteach(db, input, { scheme, code: at.tag.code }, lessonId(articleId, at.tag));
  return null;
}

/** The suggestions "a" accepts: the ones a queue row shows (likely topics, the places the story is about); regions follow from places. */
export function isConfidentSuggestion(t: { state: string; confidence: number; rel: string | null; tag: { scheme: string } }) {
  return t.state === "suggested" && t.tag.scheme !== "region" && isQueueChip({ ...t, scheme: t.tag.scheme });
}

/** Accepts an article's confident suggestions at once; each is a decision of its own (audited, teaching, versioned). */
export async function acceptSuggestions(db: Db, articleId: number, actor: Actor): Promise<z.infer<typeof suggestionsAccepted>> {
  authorize(actor, "triage");
  const tags = await db.articleTag.findMany({ where: { articleId, state: "suggested" }, include: { tag: true } });
  const chosen = tags.filter(isConfidentSuggestion);
  const done: { tagId: number; version: number }[] = [];
  for (const t of chosen) {
    const at = await decideTag(db, articleId, t.tagId, "accepted", actor, t.version);
    done.push({ tagId: t.tagId, version: at.version });
  }
  return { accepted: done.length, tags: done };
}

/**
 * Puts a tag back in the state it had before a decision: the undo in the
 * desk's toasts. `expectedVersion` is the version the undone write produced,
 * so an undo never overwrites someone else's later decision. The model takes
 * the undone decision's lesson back.
 */
export async function restoreTag(db: Db, articleId: number, tagId: number, state: TagState, actor: Actor, expectedVersion?: number) {
  return state === "suggested"
    ? reopenTag(db, articleId, tagId, actor, expectedVersion)
    : decideTag(db, articleId, tagId, state, actor, expectedVersion, { undo: true });
}

/** One of the desk's tag actions (POST /api/articles/:id/tags), as its answer. */
export async function applyTagAction(db: Db, articleId: number, a: z.infer<typeof tagAction>, actor: Actor): Promise<TagActionAnswer> {
  if (a.action === "accept-suggestions") return acceptSuggestions(db, articleId, actor);
  if (a.action === "remove") {
    await removeTag(db, articleId, a.tagId, actor, a.version);
    return { ok: true as const };
  }
  const at =
    a.action === "add" ? await addTag(db, articleId, a.scheme, a.code, actor)
    : a.action === "restore" ? await restoreTag(db, articleId, a.tagId, a.state, actor, a.version)
    : await decideTag(db, articleId, a.tagId, a.action === "accept" ? "accepted" : "rejected", actor, a.version);
  return { ok: true as const, tagId: at.tagId, state: tagState.parse(at.state), version: at.version };
}
