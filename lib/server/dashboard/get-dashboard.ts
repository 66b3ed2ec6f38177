// Everything the dashboard shows for one window, read together.
import type { Db } from "../db/client";
import { dashboardParams, type Dashboard, type DashboardRange } from "../../schemas/dashboard";
import { articlesInRange, rangeWindow } from "./in-range";
import { articlesOverTime } from "./articles-over-time";
import { duplicateRate } from "./duplicate-rate";
import { waiting } from "./waiting";

export async function getDashboard(db: Db, input: { range?: DashboardRange }, now = new Date()): Promise<Dashboard> {
  const { range } = dashboardParams.parse(input);
  const w = rangeWindow(range, now);
  const inRange = await articlesInRange(db, w);
  const [topics, places, rates, wait] = await Promise.all([
    articlesOverTime(db, w, inRange, "topic"),
    articlesOverTime(db, w, inRange, "place"),
    duplicateRate(db, inRange),
    waiting(db, now),
  ]);
  return {
    range,
    unit: w.unit,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    articles: inRange.bucket.size,
    topics,
    places,
    duplicateRate: rates,
    waiting: wait,
  };
}
