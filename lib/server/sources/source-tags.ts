// A source's default tags: codes as admins give them, tags as the store holds them.
import "server-only";
import type { Db } from "../db/client";
import { countryName } from "../../tagging";

export class UnknownTagError extends Error {
  constructor(readonly codes: string[]) {
    super(`unknown tag code${codes.length === 1 ? "" : "s"}: ${codes.join(", ")}`);
    this.name = "UnknownTagError";
  }
}

/** Tag ids for codes: countries are created on demand, topics and newsroom tags must exist. */
export async function resolveTagCodes(db: Db, codes: string[], strict = false): Promise<number[]> {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const code of codes) {
    if (/^[A-Z]{2}$/.test(code)) {
      const name = countryName(code);
      if (name === code) {
        unknown.push(code);
        continue;
      }
      const t = await db.tag.upsert({ where: { scheme_code: { scheme: "iso3166", code } }, create: { scheme: "iso3166", code, name }, update: {}, select: { id: true } });
      ids.push(t.id);
      continue;
    }
    const scheme = code.startsWith("newsroom:") ? "newsroom" : "medtop";
    const t = await db.tag.findUnique({ where: { scheme_code: { scheme, code } }, select: { id: true, retired: true } });
    if (t && !t.retired) ids.push(t.id);
    else unknown.push(code);
  }
  if (strict && unknown.length) throw new UnknownTagError(unknown);
  return ids;
}

/** Names for codes, for the sources page. */
export async function tagNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  const rows = codes.length ? await db.tag.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }) : [];
  return new Map(rows.map((r) => [r.code, r.name]));
}
