// The newsroom's taxonomy: browse, rename and hide topics, add newsroom tags
// under any topic, and find tags by name for the typeahead.
import "server-only";
import type { Db } from "../db/client";
import { authorize, recordAudit, type Actor } from "../audit";
import { countryName } from "../../tagging";
import { slug } from "../../ingest/text";
import { TagError } from "./decide-tag";
import type { TagRef, TaxonomyAnswer, taxonomyChange } from "../../schemas/tags";
import type { z } from "zod";

export async function findTags(db: Db, q: string, actor: Actor, limit = 12) {
  authorize(actor, "read");
  // Filtered here rather than in SQL: case-insensitive matching differs between the stores, and the list is small.
  const rows = await db.tag.findMany({
    where: { hidden: false, retired: false, scheme: { in: ["medtop", "newsroom"] } },
    select: { id: true, scheme: true, code: true, name: true, officialName: true, parent: { select: { name: true } } },
  });
  const lower = q.toLowerCase();
  const found = rows
    .filter((t) => t.name.toLowerCase().includes(lower))
    .sort((a, b) => Number(!a.name.toLowerCase().startsWith(lower)) - Number(!b.name.toLowerCase().startsWith(lower)) || a.name.length - b.name.length)
    .slice(0, limit);
  return distinguish(found);
}

/**
 * Six IPTC short names belong to two topics each ("crime" is both the top
 * level "crime, law and justice" and a concept under it): a list showing
 * "crime" twice makes the editor guess. Where a name repeats among the
 * matches, each shows IPTC's own label, and where that repeats too
 * ("mountaineering" under two parents) the topic it sits under.
 */
function distinguish(tags: { scheme: string; code: string; name: string; officialName: string | null; parent: { name: string } | null }[]) {
  const repeats = (names: string[]) => {
    const seen = new Map<string, number>();
    for (const n of names) seen.set(n.toLowerCase(), (seen.get(n.toLowerCase()) ?? 0) + 1);
    return (n: string) => seen.get(n.toLowerCase())! > 1;
  };
  const shortRepeats = repeats(tags.map((t) => t.name));
  const labels = tags.map((t) => (shortRepeats(t.name) && t.officialName ? t.officialName : t.name));
  const labelRepeats = repeats(labels);
  return tags.map((t, i) => ({
    scheme: t.scheme,
    code: t.code,
    name: labelRepeats(labels[i]!) && t.parent ? `${labels[i]} (under ${t.parent.name})` : labels[i]!,
  }));
}

/** Countries are tagged on demand; the typeahead offers them by name too. */
export function findCountries(q: string, limit = 5) {
  const lower = q.toLowerCase();
  const out: { scheme: "iso3166"; code: string; name: string }[] = [];
  for (let i = 0; i < 26 * 26 && out.length < limit; i++) {
    const code = String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26));
    const name = countryName(code);
    if (name !== code && name.toLowerCase().startsWith(lower)) out.push({ scheme: "iso3166", code, name });
  }
  return out;
}

/** Countries, then topics and newsroom tags, whose names match: the typeahead's list and the API's tag search. */
export async function searchTags(db: Db, q: string, actor: Actor, limit = 12): Promise<TagRef[]> {
  const tags = await findTags(db, q, actor, limit);
  const countries = findCountries(q, 5);
  return [...countries, ...tags.map((t) => ({ scheme: t.scheme === "newsroom" ? ("newsroom" as const) : ("medtop" as const), code: t.code, name: t.name }))].slice(0, limit);
}

/** The 17 top-level topics with the concepts and newsroom tags right under them. */
export async function topicTree(db: Db, actor: Actor) {
  authorize(actor, "taxonomy");
  const rows = await db.tag.findMany({
    where: { scheme: { in: ["medtop", "newsroom"] }, retired: false },
    orderBy: { code: "asc" },
    select: { id: true, scheme: true, code: true, name: true, officialName: true, hidden: true, parentId: true, _count: { select: { articles: true } } },
  });
  const children = new Map<number, typeof rows>();
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  return rows
    .filter((r) => r.scheme === "medtop" && r.parentId === null)
    .map((top) => ({ ...top, children: (children.get(top.id) ?? []).sort((a, b) => Number(b.scheme === "newsroom") - Number(a.scheme === "newsroom") || a.name.localeCompare(b.name)) }));
}

function auditTaxonomy(db: Db, actor: Actor, action: string, tagId: number, before: unknown, after: unknown) {
  return recordAudit(db, actor, { action, entityType: "tag", entityId: tagId, before, after });
}

export async function renameTag(db: Db, tagId: number, name: string, actor: Actor) {
  authorize(actor, "taxonomy");
  const tag = await db.tag.findUnique({ where: { id: tagId } });
  if (!tag) throw new TagError(`No tag ${tagId}`);
  const updated = await db.tag.update({ where: { id: tagId }, data: { name } });
  await auditTaxonomy(db, actor, "taxonomy.rename", tagId, { name: tag.name }, { name });
  return updated;
}

export async function setHidden(db: Db, tagId: number, hidden: boolean, actor: Actor) {
  authorize(actor, "taxonomy");
  const tag = await db.tag.findUnique({ where: { id: tagId } });
  if (!tag) throw new TagError(`No tag ${tagId}`);
  const updated = await db.tag.update({ where: { id: tagId }, data: { hidden } });
  await auditTaxonomy(db, actor, hidden ? "taxonomy.hide" : "taxonomy.show", tagId, { hidden: tag.hidden }, { hidden });
  return updated;
}

/** A newsroom tag under a topic: "newsroom:local-elections". */
export async function addNewsroomTag(db: Db, parentId: number, name: string, actor: Actor) {
  authorize(actor, "taxonomy");
  const parent = await db.tag.findUnique({ where: { id: parentId } });
  if (!parent || parent.scheme !== "medtop") throw new TagError(`No topic ${parentId} to put a newsroom tag under`);
  const code = `newsroom:${slug(name)}`;
  const exists = await db.tag.findUnique({ where: { scheme_code: { scheme: "newsroom", code } } });
  if (exists) throw new TagError(`A newsroom tag ${code} exists already`);
  const tag = await db.tag.create({ data: { scheme: "newsroom", code, name, parentId } });
  await auditTaxonomy(db, actor, "taxonomy.add", tag.id, null, { code, name, parent: parent.code });
  return tag;
}

/** One taxonomy change (POST /api/taxonomy): the tag as it now is. */
export async function changeTaxonomy(db: Db, c: z.infer<typeof taxonomyChange>, actor: Actor): Promise<TaxonomyAnswer> {
  const tag =
    c.action === "rename" ? await renameTag(db, c.tagId, c.name, actor)
    : c.action === "hide" ? await setHidden(db, c.tagId, c.hidden, actor)
    : await addNewsroomTag(db, c.parentId, c.name, actor);
  return { id: tag.id, code: tag.code, name: tag.name, hidden: tag.hidden };
}
