// The sources an upload can be filed under, by name, for the ingest form's suggestions.
import "server-only";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";

export async function findSourceNames(db: Db, actor: Actor, take = 1000): Promise<string[]> {
  authorize(actor, "ingest");
  const rows = await db.source.findMany({ select: { name: true }, orderBy: { name: "asc" }, take });
  return rows.map((r) => r.name);
}
