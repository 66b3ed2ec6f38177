// OPML import and export of the polled feeds.
import "server-only";
import type { Db } from "../db/client";
import { authorize, type Actor } from "../audit";
import { readOpml, writeOpml } from "../../sources/opml";
import { createSource, SourceError } from "./save-source";
import type { OpmlImportReport } from "../../schemas/sources";

export type { OpmlImportReport };

/** Adds each feed of an OPML file not already polled, with the given interval and tags. */
export async function importOpml(
  db: Db,
  text: string,
  actor: Actor,
  defaults: { pollMinutes?: number; enabled?: boolean } = {},
): Promise<OpmlImportReport> {
  authorize(actor, "sources");
  const read = readOpml(text, "OPML file");
  const report: OpmlImportReport = { added: [], existing: [], errors: [...read.errors] };
  for (const f of read.feeds) {
    if (await db.source.findUnique({ where: { feedUrl: f.feedUrl }, select: { id: true } })) {
      report.existing.push(f.feedUrl);
      continue;
    }
    // Two feeds may share a title: the second is told apart by its host.
    let name = f.name.slice(0, 200);
    const taken = await db.source.findUnique({ where: { name }, select: { feedUrl: true } });
    if (taken?.feedUrl) name = `${name} (${new URL(f.feedUrl).host})`.slice(0, 200);
    try {
      const s = await createSource(db, { name, feedUrl: f.feedUrl, pollMinutes: defaults.pollMinutes ?? 15, enabled: defaults.enabled ?? true }, actor);
      report.added.push({ id: s.id, name: s.name, feedUrl: f.feedUrl });
    } catch (e) {
      const message = e instanceof SourceError ? e.message : (e as Error).message.split("\n").pop()!;
      report.errors.push({ location: f.feedUrl, message });
    }
  }
  return report;
}

export async function exportOpml(db: Db, actor: Actor, now = new Date()): Promise<string> {
  authorize(actor, "sources");
  const rows = await db.source.findMany({ where: { feedUrl: { not: null } }, orderBy: { name: "asc" } });
  return writeOpml(rows.map((r) => ({ name: r.name, feedUrl: r.feedUrl!, ...(r.url ? { url: r.url } : {}) })), "Wiredesk sources", now);
}
