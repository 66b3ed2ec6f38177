// Keyboard review of the duplicates: where a pair sits in its list, and which
// open pair a decision moves on to, against real stores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { decideLink } from "../../lib/server/duplicates/decide-link";
import { findLinkQueue, linkNeighbours, queueOrder } from "../../lib/server/duplicates/find-links";
import { viewer } from "../support/actors";

const actor = { name: "test editor", role: "editor" as const };

// Three unrelated stories, each sent twice under its own uri: three open pairs.
const stories = [
  "Volunteers rebuilt the footbridge over the mill stream on Sunday, a year after floodwater carried the old timber span away. The parish council paid for the steel frame, and a local sawmill gave the oak boards.",
  "The chess club won the county league for the first time in forty years, beating the holders on the final board after six hours of play. Its youngest player drew with a former national champion.",
  "Harbour pilots refused to guide tankers into the estuary on Friday after a dispute over night shifts and the age of the pilot boats. Three ships waited at anchor off the breakwater through the afternoon.",
];
const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
const csv = ["uri,headline,body_text", ...stories.flatMap((body, n) => [[`urn:t:${n}a`, `Story ${n}`, body], [`urn:t:${n}b`, `Story ${n} again`, body]].map((r) => r.map(cell).join(",")))].join("\n");

describe.each(storeKinds())("duplicates review in %s", (kind) => {
  let store: TestStore;
  let order: number[];
  beforeAll(async () => {
    store = await openStore(kind);
    await runIngest(store.db, [{ name: "pairs.csv", read: async () => bytes(csv) }], { origin: "cli", actor: "test", role: "system", suggestTags: false });
    order = queueOrder(await findLinkQueue(store.db, viewer));
  });
  afterAll(async () => {
    await store?.drop();
  });

  it("steps through the open pairs in the list's order, and moves on from a decision to the next", async () => {
    expect(order).toHaveLength(3);
    const [a, b, c] = order as [number, number, number];
    expect(await linkNeighbours(store.db, a, "suggested", viewer)).toEqual({ prev: null, next: b, nextOpen: b, position: { at: 1, of: 3 } });
    expect(await linkNeighbours(store.db, b, "suggested", viewer)).toEqual({ prev: a, next: c, nextOpen: c, position: { at: 2, of: 3 } });
    // From the last, a decision wraps round to the open pairs the editor passed over.
    expect(await linkNeighbours(store.db, c, "suggested", viewer)).toEqual({ prev: b, next: null, nextOpen: a, position: { at: 3, of: 3 } });
  });

  it("from a decided pair, steps through its own list and offers the first open pair; none once all are decided", async () => {
    const [a, b, c] = order as [number, number, number];
    await decideLink(store.db, b, "confirmed", actor);
    expect(await linkNeighbours(store.db, b, "confirmed", viewer)).toEqual({ prev: null, next: null, nextOpen: a, position: { at: 1, of: 1 } });
    expect((await linkNeighbours(store.db, a, "suggested", viewer)).nextOpen).toBe(c);
    await decideLink(store.db, a, "dismissed", actor);
    expect((await linkNeighbours(store.db, c, "suggested", viewer)).nextOpen).toBeNull();
    await decideLink(store.db, c, "dismissed", actor);
    expect(await linkNeighbours(store.db, c, "dismissed", viewer)).toMatchObject({ nextOpen: null, position: { of: 2 } });
  });
});
