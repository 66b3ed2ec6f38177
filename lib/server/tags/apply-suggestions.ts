// Machine tag suggestions for one article, written to the store with their
// evidence. Editors' decisions stand: an accepted, rejected or hand-added tag
// is never touched again by a suggestion pass.
// No "server-only" marker: loaded in the bulk engine's worker threads (engine-worker.ts).
import type { Db } from "../db/client";
import { countryName, suggestTags, type NewsroomModel, type TagInput } from "../../tagging";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface SuggestionContext {
  model?: NewsroomModel;
  /** Topics an admin hid: never suggested. */
  hidden?: Set<string>;
}

export async function suggestionContext(db: Db | Tx, model?: NewsroomModel): Promise<SuggestionContext> {
  const hidden = await db.tag.findMany({ where: { hidden: true }, select: { code: true } });
  return { model, hidden: new Set(hidden.map((t) => t.code)) };
}

async function tagId(tx: Tx, scheme: string, code: string, name: string): Promise<number> {
  const t = await tx.tag.upsert({ where: { scheme_code: { scheme, code } }, create: { scheme, code, name }, update: {}, select: { id: true } });
  return t.id;
}

export interface WantedTag {
  scheme: string;
  code: string;
  name: string;
  confidence: number;
  rel: string | null;
  evidence: unknown;
}

/** The tags the engines suggest for a text, hidden topics and places left out (pure: the bulk path computes them ahead of its writes). */
export function wantedSuggestions(input: TagInput, ctx: SuggestionContext): WantedTag[] {
  const overrides = Object.fromEntries([...(ctx.hidden ?? [])].map((code) => [code, { hidden: true }]));
  const { topics, places } = suggestTags(input, ctx.model, { topics: { overrides } });
  return [
    ...topics.map((t) => ({ scheme: t.scheme, code: t.code, name: t.name, confidence: t.confidence, rel: null as string | null, evidence: t.evidence })),
    ...places
      .filter((p) => !ctx.hidden?.has(p.code))
      .map((p) => ({ scheme: "iso3166", code: p.code, name: p.name || countryName(p.code), confidence: p.confidence, rel: p.rel as string | null, evidence: p.evidence })),
  ];
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
