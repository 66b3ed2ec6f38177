// Loads the demo copy shipped in prisma/demo (original text written for the
// project, plus the seed page) into a store that has never been loaded.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db/client";
import type { DuplicateThresholds } from "../../dedup/config";
import { readLimited } from "../ingest/inputs";
import { runIngest, type RunReport } from "../ingest/run-ingest";

const root = path.resolve(import.meta.dirname, "../../..");
export const DEMO_DIR = path.join(root, "prisma/demo");

const manifest = z.array(
  z.object({
    file: z.string(),
    /** Publisher of a page that does not name itself. */
    source: z.string().optional(),
  }),
);

/** Runs one ingest of the demo files, in manifest order; one run per file keeps sources apart. */
export async function loadDemo(
  db: Db,
  { ingestTime = new Date(), thresholds }: { ingestTime?: Date; thresholds?: DuplicateThresholds } = {},
): Promise<RunReport[]> {
  const entries = manifest.parse(JSON.parse(readFileSync(path.join(DEMO_DIR, "manifest.json"), "utf8")));
  const reports: RunReport[] = [];
  for (const e of entries) {
    const file = path.join(DEMO_DIR, e.file);
    reports.push(
      await runIngest(db, [{ name: e.file, read: () => readLimited(file, 20 * 1024 * 1024) }], {
        origin: "demo",
        actor: "demo",
        role: "system",
        defaultSource: e.source,
        ingestTime,
        thresholds,
      }),
    );
  }
  return reports;
}

/** True when the store has never had demo data or any article. */
export async function needsDemo(db: Db): Promise<boolean> {
  const [articles, demoRuns] = await Promise.all([
    db.article.count(),
    db.ingestRun.count({ where: { origin: "demo" } }),
  ]);
  return articles === 0 && demoRuns === 0;
}
