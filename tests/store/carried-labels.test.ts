// An editor's upload cannot make taxonomy tags: a ninjs subject
// "newsroom:anything" (or a Media Topic code the IPTC set does not have) is
// kept on the article as a carried label, never created as a tag (that made
// an unaudited, parentless tag offered in the typeahead). A newsroom tag an
// admin has made is attached as a tag.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { exportArticles } from "../../lib/server/export/export-articles";
import { addNewsroomTag, findTags } from "../../lib/server/tags/taxonomy";
import { createUser } from "../../lib/server/users";
import { systemActor } from "../../lib/server/audit";
import { viewer } from "../support/actors";

const ninjs = (uri: string, subjects: object[]) =>
  JSON.stringify({ uri, headline: `Council vote ${uri}`, body_text: `The council voted on the harbour plan on Monday, ${uri}.`, subjects });

describe.each(storeKinds())("tags carried by ingested copy on %s", (kind) => {
  let store: TestStore;
  let editorId: number;
  let adminId: number;
  beforeAll(async () => {
    store = await openStore(kind);
    editorId = (await createUser(store.db, { email: "ed@carried.test", name: "Ed", role: "editor", password: "a long test password" }, systemActor("test"))).id;
    adminId = (await createUser(store.db, { email: "ad@carried.test", name: "Ad", role: "admin", password: "a long test password" }, systemActor("test"))).id;
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  const upload = (name: string, text: string) =>
    runIngest(store.db, [{ name, read: async () => bytes(text) }], { origin: "upload", actor: "Ed", userId: editorId, role: "editor" });

  it("keeps an unknown newsroom tag (and an unknown Media Topic) as a label, creating no tag", async () => {
    const tagsBefore = await store.db.tag.count();
    const auditBefore = await store.db.auditEntry.count({ where: { action: { startsWith: "taxonomy." } } });
    const r = await upload("a.json", ninjs("urn:carried:1", [
      { uri: "newsroom:anything", name: "Anything at all", creator: "editor" },
      { uri: "http://cv.iptc.org/newscodes/mediatopic/99999999", name: "No such topic" },
      { uri: "http://cv.iptc.org/newscodes/mediatopic/02000000", name: "crime" },
    ]));
    expect(r.totals.new).toBe(1);
    expect(await store.db.tag.count()).toBe(tagsBefore);
    expect(await store.db.tag.findUnique({ where: { scheme_code: { scheme: "newsroom", code: "newsroom:anything" } } })).toBeNull();
    expect(await store.db.tag.findUnique({ where: { scheme_code: { scheme: "medtop", code: "medtop:99999999" } } })).toBeNull();
    expect(await store.db.auditEntry.count({ where: { action: { startsWith: "taxonomy." } } })).toBe(auditBefore);
    expect((await findTags(store.db, "anything", viewer)).map((t) => t.code)).not.toContain("newsroom:anything");

    const a = await store.db.article.findUniqueOrThrow({ where: { uri: "urn:carried:1" }, include: { tags: { include: { tag: true } } } });
    expect(JSON.parse(a.carriedLabels!)).toEqual([
      { scheme: "newsroom", code: "newsroom:anything", name: "Anything at all", creator: "editor" },
      { scheme: "medtop", code: "medtop:99999999", name: "No such topic" },
    ]);
    // The known Media Topic is a tag as before.
    expect(a.tags.map((t) => t.tag.code)).toEqual(["medtop:02000000"]);
  });

  it("attaches a newsroom tag an admin has made", async () => {
    const parent = await store.db.tag.findFirstOrThrow({ where: { scheme: "medtop", parentId: null } });
    const made = await addNewsroomTag(store.db, parent.id, "Local elections", { name: "Ad", userId: adminId, role: "admin" });
    await upload("b.json", ninjs("urn:carried:2", [{ uri: made.code, name: "whatever the wire calls it", creator: "editor" }]));
    const a = await store.db.article.findUniqueOrThrow({ where: { uri: "urn:carried:2" }, include: { tags: { include: { tag: true } } } });
    expect(a.carriedLabels).toBeNull();
    expect(a.tags.map((t) => [t.tag.code, t.tag.name, t.state])).toEqual([[made.code, "Local elections", "accepted"]]);
  });

  it("exports carried labels as the subjects they came in as", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await exportArticles(store.db, "ndjson", out, viewer);
    out.end();
    const items = Buffer.concat(chunks).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { uri: string; subjects: { uri: string; name: string }[] });
    const one = items.find((i) => i.uri === "urn:carried:1")!;
    expect(one.subjects.map((s) => s.uri)).toEqual(expect.arrayContaining(["newsroom:anything", "http://cv.iptc.org/newscodes/mediatopic/99999999", "http://cv.iptc.org/newscodes/mediatopic/02000000"]));
    expect(one.subjects.find((s) => s.uri === "newsroom:anything")!.name).toBe("Anything at all");
  });
});
