// Machine tag suggestions for one article, written to the store with their
// evidence. Editors' decisions stand: an accepted, rejected or hand-added tag
// is never touched again by a suggestion pass.
import "server-only";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import { regionsFor, type Evidence, type NewsroomModel, type TagInput } from "../../tagging";
import { wantedSuggestions, type SuggestionContext } from "./wanted-suggestions";
import { loadModel } from "./tagging-model";
import type { TagSuggestions } from "../../schemas/tags";

export { wantedSuggestions, type SuggestionContext, type WantedTag } from "./wanted-suggestions";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function suggestionContext(db: Db | Tx, model?: NewsroomModel): Promise<SuggestionContext> {
  const hidden = await db.tag.findMany({ where: { hidden: true }, select: { code: true } });
  return { model, hidden: new Set(hidden.map((t) => t.code)) };
}

async function tagId(tx: Tx, scheme: string, code: string, name: string): Promise<number> {
  const t = await tx.tag.upsert({ where: { scheme_code: { scheme, code } }, create: { scheme, code, name }, update: {}, select: { id: true } });
  return t.id;
}

/** Replaces the article's open machine suggestions with a fresh pass; returns how many it suggests. */
export async function applySuggestions(
  tx: Tx,
  articleId: number,
  input: TagInput,
  ctx: SuggestionContext,
): Promise<number> {
  const wanted = wantedSuggestions(input, ctx);
  const current = await tx.articleTag.findMany({ where: { articleId }, select: { id: true, tagId: true, origin: true, state: true } });
  const decided = new Set(current.filter((c) => c.origin === "editor" || c.state !== "suggested").map((c) => c.tagId));
  const kept = new Set<number>();
  for (const w of wanted) {
    const id = await tagId(tx, w.scheme, w.code, w.name);
    if (decided.has(id)) continue;
    kept.add(id);
    const data = { confidence: w.confidence, rel: w.rel, evidence: JSON.stringify(w.evidence) };
    await tx.articleTag.upsert({
      where: { articleId_tagId: { articleId, tagId: id } },
      create: { articleId, tagId: id, origin: "machine", state: "suggested", ...data },
      update: data,
    });
  }
  const stale = current.filter((c) => c.origin === "machine" && c.state === "suggested" && !kept.has(c.tagId)).map((c) => c.id);
  if (stale.length) await tx.articleTag.deleteMany({ where: { id: { in: stale } } });
  return kept.size;
}

/**
 * What ingest would suggest for a text, without storing it: the same engines,
 * the newsroom's model and hidden topics. Regions are those above the
 * story's main places, as the desk shows them.
 */
export async function suggestForText(db: Db, input: TagInput, actor: Actor): Promise<TagSuggestions> {
  authorize(actor, "read");
  const ctx = await suggestionContext(db, (await loadModel(db)).model);
  const tags = wantedSuggestions(input, ctx).map((w): TagSuggestions["tags"][number] => ({
    scheme: w.scheme as TagSuggestions["tags"][number]["scheme"],
    code: w.code,
    name: w.name,
    confidence: w.confidence,
    rel: w.rel === "main" || w.rel === "mentioned" ? w.rel : null,
    evidence: (w.evidence as Evidence[]).map((e) => ({ text: e.text, field: e.field, start: e.start, end: e.end })),
  }));
  const regions = regionsFor(tags.filter((t) => t.scheme === "iso3166" && t.rel === "main").map((t) => t.code));
  return { tags, regions };
}
