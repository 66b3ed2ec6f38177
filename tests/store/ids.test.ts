// Ids in paths and query strings are decimal digits within 1..2^31-1:
// "0x10", "1e1" and " 16" are not 16 (a probe once deleted source 16 through
// "0x10"), and a 20-digit id is refused or not found, never a 500.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import type { Db } from "../../lib/server/db/client";
import { parseId } from "../../lib/schemas/ids";
import type { Problem } from "../../lib/schemas/problem";
import { articleListParams } from "../../lib/schemas/articles";
import { auditFilters } from "../../lib/schemas/users";
import { findArticles } from "../../lib/server/articles/find-articles";
import { DELETE as deleteSourceRoute } from "../../app/api/sources/[id]/route";
import { POST as statusRoute } from "../../app/api/articles/[id]/status/route";
import { POST as tagsRoute } from "../../app/api/articles/[id]/tags/route";
import { viewer } from "../support/actors";

const LOOKALIKES = ["0x10", "1e1", " 16", "16 ", "16.0", "+16", "-16", "0", "", "99999999999999999999", "2147483648", "１６"];

describe("parseId", () => {
  it("reads decimal digits within 1..2^31-1 and nothing else", () => {
    expect(parseId("16")).toBe(16);
    expect(parseId("016")).toBe(16);
    expect(parseId("2147483647")).toBe(2147483647);
    for (const raw of LOOKALIKES) expect(parseId(raw), JSON.stringify(raw)).toBeNull();
    expect(parseId(16)).toBeNull();
    expect(parseId(undefined)).toBeNull();
  });

  it("holds query-string ids to the same rule", () => {
    for (const raw of ["0x10", "1e1", " 16", "99999999999999999999"]) {
      expect(articleListParams.safeParse({ cursor: raw }).success, raw).toBe(false);
      expect(auditFilters.safeParse({ article: raw }).success, raw).toBe(false);
    }
    expect(articleListParams.parse({ cursor: "16", after: "0" })).toMatchObject({ cursor: { id: 16 }, after: 0 });
  });
});

describe.each(storeKinds())("ids in routes on %s", (kind) => {
  let store: TestStore;
  let users: Awaited<ReturnType<typeof usersByRole>>;
  const g = globalThis as unknown as { wiredeskDb?: Db };

  beforeAll(async () => {
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    users = await usersByRole(store.db, "ids");
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  const call = (handler: (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => Promise<Response>, method: string, path: string, id: string, body?: unknown) =>
    handler(
      new NextRequest(`http://desk.test${path}`, {
        method,
        headers: { cookie: users.admin.cookie, origin: "http://desk.test", host: "desk.test", "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { params: Promise.resolve({ id }) },
    );

  it("refuses look-alike source ids with 422 and deletes nothing", async () => {
    // Source 16 (and 10) exist: "0x10" and "1e1" once reached them.
    for (let i = 1; i <= 16; i++) await store.db.source.create({ data: { id: i, name: `Source ${i}`, kind: "publisher" } });
    for (const raw of LOOKALIKES) {
      const res = await call(deleteSourceRoute, "DELETE", `/api/sources/${encodeURIComponent(raw)}`, raw);
      expect(res.status, JSON.stringify(raw)).toBe(422);
      expect(await res.json()).toMatchObject({ status: 422, errors: [{ path: "path.id", message: expect.stringMatching(/whole number from 1 to 2147483647/) }] });
    }
    expect(await store.db.source.count()).toBe(16);
    const res = await call(deleteSourceRoute, "DELETE", "/api/sources/16", "16");
    expect(res.status).toBe(204);
    expect(await store.db.source.findUnique({ where: { id: 16 } })).toBeNull();
  });

  it("answers 422, not 500, for an id past the store's integers on article routes", async () => {
    const a = await store.db.article.create({ data: { id: 16, uri: "ids-16", headline: "Sixteen", bodyText: "Body sixteen.", contentHash: "ids-16" } });
    for (const raw of ["99999999999999999999", "0x10", " 16"]) {
      const res = await call(statusRoute, "POST", `/api/articles/${encodeURIComponent(raw)}/status`, raw, { status: "spiked", version: 1 });
      expect(res.status, raw).toBe(422);
    }
    expect((await store.db.article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("new");
    // Ids inside a body are held to the same range: a tag id past it is a 422 naming the field, not a store overflow.
    const res = await call(tagsRoute, "POST", "/api/articles/16/tags", "16", { action: "accept", tagId: 99999999999999999999, version: 1 });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toContain("body.tagId");
  });

  it("reads a source filter of 20 digits as no source, not as an overflow", async () => {
    await expect(findArticles(store.db, { source: "99999999999999999999" }, viewer)).resolves.toMatchObject({ items: [] });
  });
});
