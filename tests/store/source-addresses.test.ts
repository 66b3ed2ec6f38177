// A feed at a private address is refused when it is saved, with a message
// the admin can act on (not at the first poll, and not by telling them to
// configure the server). WIREDESK_ALLOW_PRIVATE_FETCH (the allowPrivate
// option) still lets tests and intranets through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { createSource, updateSource } from "../../lib/server/sources/save-source";
import { importOpml } from "../../lib/server/sources/opml-sources";

const admin = { name: "admin", role: "admin" as const };

describe.each(storeKinds())("feed addresses checked on save (%s)", (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore(kind);
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it.each([
    ["http://10.0.0.5/feed.xml", /Feed URL refused: 10\.0\.0\.5 is a private or local address; the desk only fetches public addresses\./],
    ["http://[::1]:8080/rss", /::1 is a private or local address/],
    ["http://169.254.169.254/latest/", /169\.254\.169\.254 is a private or local address/],
    ["http://localhost:3000/feed.xml", /localhost resolves to (127\.0\.0\.1|::1), a private or local address/],
  ])("refuses %s when it is added, storing nothing", async (feedUrl, message) => {
    const before = await store.db.source.count();
    const err = await createSource(store.db, { name: `Feed at ${feedUrl}`, feedUrl }, admin, { allowPrivate: false }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/WIREDESK_|environment/);
    expect(await store.db.source.count()).toBe(before);
  });

  it("refuses moving a feed to a private address, keeping the old one", async () => {
    const s = await createSource(store.db, { name: "Public feed", feedUrl: "https://news.example/rss" }, admin, { allowPrivate: false });
    await expect(updateSource(store.db, s.id, { feedUrl: "http://192.168.1.20/rss" }, admin, { allowPrivate: false })).rejects.toThrow(/192\.168\.1\.20 is a private or local address/);
    expect((await store.db.source.findUniqueOrThrow({ where: { id: s.id } })).feedUrl).toBe("https://news.example/rss");
  });

  it("accepts a private address when private fetches are allowed", async () => {
    const s = await createSource(store.db, { name: "Intranet feed", feedUrl: "http://10.0.0.5/feed.xml" }, admin, { allowPrivate: true });
    expect(s.feedUrl).toBe("http://10.0.0.5/feed.xml");
  });

  it("reports a private feed in an OPML import as an error of that feed", async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Inside" type="rss" xmlUrl="http://10.1.2.3/rss"/><outline text="Outside" type="rss" xmlUrl="https://outside.example/rss"/></body></opml>`;
    const report = await importOpml(store.db, opml, admin);
    expect(report.added.map((a) => a.feedUrl)).toEqual(["https://outside.example/rss"]);
    expect(report.errors).toEqual([{ location: "http://10.1.2.3/rss", message: expect.stringMatching(/10\.1\.2\.3 is a private or local address/) }]);
  });
});
