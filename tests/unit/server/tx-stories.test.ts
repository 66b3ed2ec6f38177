// The bulk path's memory of the stories its transaction made (join-story.ts,
// TxStories): a copy of them is joined without reading them back, so what it
// keeps must be what the store holds after each join.
import { describe, expect, it } from "vitest";
import { TxStories, type StoryPlan } from "../../../lib/server/ingest/bulk/join-story";

const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
const row = (id: number, storyKind: string, storyLead: boolean, h: number) => ({ id, sourceId: 1, firstCreated: at(h), ingestedAt: at(h), storyKind, storyLead });

describe("the transaction's own stories", () => {
  it("keeps the members' lead flags as the story's refresh writes them: a newer version leads, a copy does not", () => {
    const tx = new TxStories();
    tx.record({ ...row(1, "first", true, 1), storyId: null, status: "new", sourceName: "Wire" });
    tx.made(10, 1);

    const version: StoryPlan = { storyId: 10, kind: "update", score: 0.9, reason: "update", lead: true, rows: [...tx.members(10)!, row(2, "update", true, 2)] };
    tx.record({ ...row(2, "update", true, 2), storyId: 10, status: "new", sourceName: "Wire" }, version);
    expect(tx.members(10)!.map((m) => [m.id, m.storyLead])).toEqual([
      [1, false],
      [2, true],
    ]);

    const copy: StoryPlan = { storyId: 10, kind: "copy", score: 0.95, reason: "copy", lead: false, rows: [...tx.members(10)!, row(3, "copy", true, 3)] };
    tx.record({ ...row(3, "copy", false, 3), storyId: 10, status: "new", sourceName: "Daily" }, copy);
    expect(tx.members(10)!.map((m) => [m.id, m.storyLead])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it("knows nothing of a story it did not make, and forgets all at the transaction's end", () => {
    const tx = new TxStories();
    tx.record({ ...row(1, "first", true, 1), storyId: null, status: "new", sourceName: null });
    expect(tx.members(99)).toBeUndefined();
    tx.clear();
    expect(tx.articles.size).toBe(0);
  });
});
