// What the desk shows by name rather than by code: the audit log and an
// article's history name the tag (its code kept for a title) and the
// article's headline; the add-tag list tells apart topics IPTC gives the
// same short name ("crime" is both "crime, law and justice" and a concept under it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { bytes } from "../support/feeds";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { addTag } from "../../lib/server/tags/decide-tag";
import { findTags, renameTag } from "../../lib/server/tags/taxonomy";
import { articleAudit, findAudit } from "../../lib/server/audit-log";
import { createUser } from "../../lib/server/users";
import { systemActor, type Actor } from "../../lib/server/audit";
import { viewer } from "../support/actors";

describe.each(storeKinds())("names in the audit log and the tag list on %s", (kind) => {
  let store: TestStore;
  let editor: Actor;
  let admin: Actor;
  let articleId: number;
  beforeAll(async () => {
    store = await openStore(kind);
    const e = await createUser(store.db, { email: "ed@names.test", name: "Ed", role: "editor", password: "a long test password" }, systemActor("test"));
    const a = await createUser(store.db, { email: "ad@names.test", name: "Ad", role: "admin", password: "a long test password" }, systemActor("test"));
    editor = { name: "Ed", userId: e.id, role: "editor" };
    admin = { name: "Ad", userId: a.id, role: "admin" };
    const item = JSON.stringify({ uri: "urn:names:1", headline: "Harbour bridge reopens after storm repairs", body_text: "The harbour bridge reopened on Monday after three weeks of repairs, the council said." });
    await runIngest(store.db, [{ name: "a.json", read: async () => bytes(item) }], { origin: "upload", actor: "Ed", userId: e.id, role: "editor" });
    articleId = (await store.db.article.findUniqueOrThrow({ where: { uri: "urn:names:1" } })).id;
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  it("offers both crime topics under different names, each once", async () => {
    const crime = (await findTags(store.db, "crime", viewer)).filter((t) => t.code === "medtop:02000000" || t.code === "medtop:20000082");
    expect(crime.map((t) => [t.code, t.name]).sort()).toEqual([
      ["medtop:02000000", "crime, law and justice"],
      ["medtop:20000082", "crime"],
    ]);
    const names = (await findTags(store.db, "mountaineering", viewer)).map((t) => t.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(names.every((n) => /^mountaineering \(under .+\)$/.test(n))).toBe(true);
    // A name nobody shares stays short.
    expect((await findTags(store.db, "ballet", viewer)).find((t) => t.code === "medtop:20000008")?.name).toBe("ballet");
  });

  it("names the tag and the article's headline in the history and the log, the code kept", async () => {
    await addTag(store.db, articleId, "medtop", "medtop:20000082", editor);
    await addTag(store.db, articleId, "iso3166", "ES", editor);
    const history = await articleAudit(store.db, articleId, editor);
    const added = history.filter((e) => e.action === "tag.add");
    expect(added.map((e) => e.tag).sort((a, b) => a!.code.localeCompare(b!.code))).toEqual([
      { name: "Spain", code: "ES" },
      { name: "crime", code: "medtop:20000082" },
    ]);
    expect(added.every((e) => e.headline === "Harbour bridge reopens after storm repairs")).toBe(true);

    const log = await findAudit(store.db, { article: articleId, action: "tag.add" }, admin);
    expect(log.items.map((e) => e.tag?.name).sort()).toEqual(["Spain", "crime"]);
  });

  it("names a taxonomy change's tag as it is called now", async () => {
    const tag = await store.db.tag.findUniqueOrThrow({ where: { scheme_code: { scheme: "medtop", code: "medtop:20000008" } } });
    await renameTag(store.db, tag.id, "classical ballet", admin);
    const log = await findAudit(store.db, { action: "taxonomy." }, admin);
    expect(log.items[0]!.tag).toEqual({ name: "classical ballet", code: "medtop:20000008" });
    expect(log.items[0]!.headline).toBeNull();
  });
});
