import { describe, expect, it } from "vitest";
import { searchQuery } from "../../../lib/server/articles/search-articles";
import { expandSearch } from "../../../lib/search/expand";
import { parseSearch } from "../../../lib/search/query";

describe("searchQuery keeps the expansions it made", () => {
  it("gives the same expansion as expanding afresh, and the same object for the same text", () => {
    const q = `"oil prices" detenidos -bank`;
    const first = searchQuery(q);
    expect(first).toEqual(expandSearch(parseSearch(q)));
    expect(searchQuery(q)).toBe(first);
    expect(searchQuery("oil prices")).not.toBe(first);
  });

  it("forgets the query used least lately once 500 others came after it", () => {
    const kept = searchQuery("kept word");
    const dropped = searchQuery("dropped word");
    for (let i = 0; i < 499; i++) {
      searchQuery(`filler ${i}`);
      // Read again and again: the most lately used stays.
      if (i % 50 === 0) searchQuery("kept word");
    }
    expect(searchQuery("kept word")).toBe(kept);
    const again = searchQuery("dropped word");
    expect(again).not.toBe(dropped);
    expect(again).toEqual(dropped);
  });
});
