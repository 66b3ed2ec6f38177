// The queue's rows kept by each process (item-cache.ts): a row read while rows
// were dropped is not kept, the least recently used go first, and a row keeps
// a bounded number of searches' excerpts.
import { describe, expect, it } from "vitest";
import { ItemCache, itemText, type KeptItem } from "../../../lib/server/articles/item-cache";

const row = (id: number): KeptItem => ({ head: `{"id":${id}`, start: '"start"', excerpts: new Map() });

describe("the queue's kept rows", () => {
  it("keeps a row read while nothing was dropped, and not one read across a drop", () => {
    const kept = new ItemCache();
    const before = kept.epoch;
    kept.keep(before, [[1, row(1)]]);
    expect(kept.get(1)).toBeDefined();
    // A read begun before the sync that dropped article 2 may hold its old row.
    const reading = kept.epoch;
    kept.forget([2]);
    kept.keep(reading, [[2, row(2)]]);
    expect(kept.get(2)).toBeUndefined();
    kept.forget([1]);
    expect(kept.get(1)).toBeUndefined();
    kept.keep(kept.epoch, [[1, row(1)], [2, row(2)]]);
    kept.clear();
    expect(kept.size).toBe(0);
  });

  it("drops the least recently used past its size", () => {
    const kept = new ItemCache();
    const n = 25_000;
    kept.keep(kept.epoch, Array.from({ length: n }, (_, i): [number, KeptItem] => [i + 1, row(i + 1)]));
    // Read lately: the oldest is now article 2.
    kept.get(1);
    kept.keep(kept.epoch, [[n + 1, row(n + 1)]]);
    expect(kept.size).toBe(n);
    expect(kept.get(1)).toBeDefined();
    expect(kept.get(2)).toBeUndefined();
    expect(kept.get(n + 1)).toBeDefined();
  });

  it("keeps eight searches' excerpts a row, and writes the row with the excerpt last", () => {
    const kept = new ItemCache();
    const r = row(7);
    for (let i = 0; i < 10; i++) kept.keepExcerpt(r, `q${i}`, `"e${i}"`);
    expect([...r.excerpts.keys()]).toEqual(["q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]);
    expect(JSON.parse(itemText(r, r.excerpts.get("q9")!))).toEqual({ id: 7, excerpt: "e9" });
  });
});
