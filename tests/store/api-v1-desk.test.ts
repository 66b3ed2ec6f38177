// The desk's /api/v1 operations as a machine client uses them: a token
// triages a story and is on record under its name, stale writes and bad
// parameters are refused as problem details, the cursor pages the queue,
// tags are suggested, decided and added, duplicate links listed and decided.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { deskSeed, type DeskSeed } from "../support/desk-seed";
import { createToken } from "../../lib/server/auth/tokens";
import { systemActor } from "../../lib/server/audit";
import type { Db } from "../../lib/server/db/client";
import { articlePage, bulkStatusResult } from "../../lib/schemas/articles";
import { problemSchema } from "../../lib/schemas/problem";
import { tagSuggestions } from "../../lib/schemas/tags";
import { previewTag } from "../../lib/schemas/preview";
import { duplicateLinkPage, duplicateLinkView } from "../../lib/schemas/duplicates";
import { storyDetail } from "../../lib/schemas/stories";
import * as stories from "../../app/api/v1/stories/route";
import * as story from "../../app/api/v1/stories/[id]/route";
import * as storyStatus from "../../app/api/v1/stories/[id]/status/route";
import * as articles from "../../app/api/v1/articles/route";
import * as articleStatus from "../../app/api/v1/articles/[id]/status/route";
import * as articleTags from "../../app/api/v1/articles/[id]/tags/route";
import * as suggest from "../../app/api/v1/tags/suggest/route";
import * as duplicates from "../../app/api/v1/duplicates/route";
import * as duplicate from "../../app/api/v1/duplicates/[id]/route";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe.each(storeKinds())("the desk's /api/v1 on %s", (kind) => {
  let store: TestStore;
  let seed: DeskSeed;
  let triage: string;
  let reader: string;
  const g = globalThis as unknown as { wiredeskDb?: Db };

  beforeAll(async () => {
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    seed = await deskSeed(store.db);
    triage = (await createToken(store.db, systemActor("test"), { name: "cms-bot", scopes: ["triage"] })).token;
    reader = (await createToken(store.db, systemActor("test"), { name: "reader-bot", scopes: ["read"] })).token;
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  async function call(handler: Handler, token: string, opts: { path?: string; params?: Record<string, string>; query?: string; json?: unknown; method?: string } = {}) {
    const headers = new Headers({ host: "desk.test", authorization: `Bearer ${token}` });
    let body: string | undefined;
    if (opts.json !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(opts.json);
    }
    const url = `http://desk.test${opts.path ?? "/api/v1/x"}${opts.query ? `?${opts.query}` : ""}`;
    const res = await handler(new NextRequest(url, { method: opts.method ?? (body ? "POST" : "GET"), headers, body }), { params: Promise.resolve(opts.params ?? {}) });
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as unknown };
  }

  it("marks a whole story reviewed with a triage token, on record under the token's name", async () => {
    const lead = await store.db.article.findFirstOrThrow({ where: { storyId: seed.storyId, storyLead: true } });
    const r = await call(storyStatus.POST, triage, { params: { id: String(seed.storyId) }, json: { status: "reviewed", version: lead.version } });
    expect(r.status).toBe(200);
    const result = bulkStatusResult.parse(r.body);
    expect(result.changed.map((c) => c.id).sort()).toEqual([seed.wireId, seed.copyId].sort());
    expect(result.refused).toEqual([]);
    const members = await store.db.article.findMany({ where: { storyId: seed.storyId } });
    expect(members.map((m) => m.status)).toEqual(["reviewed", "reviewed"]);
    const audit = await store.db.auditEntry.findMany({ where: { action: "article.status", articleId: { in: [seed.wireId, seed.copyId] } } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actor === "token:cms-bot" && a.userId === null)).toBe(true);

    // The story reads back as reviewed, with the versions the write produced.
    const s = storyDetail.parse((await call(story.GET, reader, { params: { id: String(seed.storyId) } })).body);
    expect(s.members.every((m) => m.status === "reviewed")).toBe(true);
    expect(s.members.find((m) => m.lead)!.version).toBe(lead.version + 1);
  });

  it("refuses a stale version with 409 problem details holding the article as it is now", async () => {
    const a = await store.db.article.findUniqueOrThrow({ where: { id: seed.aloneId } });
    const ok = await call(articleStatus.POST, triage, { params: { id: String(seed.aloneId) }, json: { status: "spiked", version: a.version } });
    expect(ok).toMatchObject({ status: 200, body: { id: seed.aloneId, status: "spiked", version: a.version + 1 } });
    const stale = await call(articleStatus.POST, triage, { params: { id: String(seed.aloneId) }, json: { status: "reviewed", version: a.version } });
    expect(stale.status).toBe(409);
    expect(stale.type).toContain("application/problem+json");
    expect(problemSchema.parse(stale.body)).toMatchObject({ status: 409, type: "/api/v1/problems/stale-write", current: { status: "spiked", version: a.version + 1 } });
    expect((await store.db.article.findUniqueOrThrow({ where: { id: seed.aloneId } })).status).toBe("spiked");

    // A stale story lead too; an unknown story is 404.
    const storyStale = await call(storyStatus.POST, triage, { params: { id: String(seed.storyId) }, json: { status: "new", version: 1 } });
    expect(storyStale.status).toBe(409);
    const none = await call(storyStatus.POST, triage, { params: { id: "999999" }, json: { status: "new", version: 1 } });
    expect(none.status).toBe(404);
  });

  it("answers a bad query or body with 422 naming each field", async () => {
    const r = await call(articles.GET, reader, { query: "limit=0&place=Spain" });
    expect(r.status).toBe(422);
    const p = problemSchema.parse(r.body);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(["query.limit", "query.place"]);
    const cursor = await call(stories.GET, reader, { query: "cursor=p.bm90IGpzb24" });
    expect(problemSchema.parse(cursor.body).errors!.map((e) => e.path)).toEqual(["query.cursor"]);
    const body = await call(articleStatus.POST, triage, { params: { id: String(seed.aloneId) }, json: { status: "published", version: 1 } });
    expect(body.status).toBe(422);
    expect(problemSchema.parse(body.body).errors!.map((e) => e.path)).toEqual(["body.status"]);
    const path = await call(articleStatus.POST, triage, { params: { id: "0x10" }, json: { status: "new", version: 1 } });
    expect(problemSchema.parse(path.body).errors!.map((e) => e.path)).toEqual(["path.id"]);
  });

  it("pages the queue with its cursor, each row once, in either sort", async () => {
    for (const sort of ["arrived", "published"]) {
      const seen: number[] = [];
      let cursor: string | null = null;
      let total = -1;
      for (let page = 0; page < 10; page++) {
        const r = await call(articles.GET, reader, { query: `limit=1&status=all&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}` });
        expect(r.status).toBe(200);
        const p = articlePage.parse(r.body);
        total = p.total;
        seen.push(...p.items.map((i) => i.id));
        cursor = p.nextCursor;
        if (!cursor) break;
      }
      expect(total).toBe(3);
      expect(seen).toHaveLength(3);
      expect(new Set(seen).size).toBe(3);
      expect(seen.sort()).toEqual([seed.wireId, seed.copyId, seed.aloneId].sort());
    }
    // The story view has one row for the two copies.
    const s = articlePage.parse((await call(stories.GET, reader, { query: "status=all" })).body);
    expect(s.total).toBe(2);
    expect(s.items.find((i) => i.storyId === seed.storyId)).toMatchObject({ copies: 2, sources: 2 });
  });

  it("suggests tags for a text with the words that support them, storing nothing", async () => {
    const tags = await store.db.articleTag.count();
    const r = await call(suggest.POST, reader, {
      json: { headline: "Floods close roads in Valencia", body: "Heavy rain flooded streets in Valencia on Tuesday and the regional government closed three roads, Spain's weather agency said." },
    });
    expect(r.status).toBe(200);
    const s = tagSuggestions.parse(r.body);
    const spain = s.tags.find((t) => t.code === "ES");
    expect(spain).toMatchObject({ scheme: "iso3166", rel: "main" });
    expect(spain!.evidence.map((e) => e.text)).toContain("Valencia");
    expect(s.tags.some((t) => t.scheme === "medtop" && t.evidence.length > 0)).toBe(true);
    expect(s.regions.length).toBeGreaterThan(0);
    expect(await store.db.articleTag.count()).toBe(tags);
  });

  it("accepts, rejects and adds an article's tags, refusing a stale decision and a tag that is not there", async () => {
    const t = await store.db.articleTag.findFirstOrThrow({ where: { articleId: seed.aloneId, origin: "machine", state: "suggested" }, include: { tag: true } });
    const at = { params: { id: String(seed.aloneId) } };
    const accepted = await call(articleTags.POST, triage, { ...at, json: { action: "accept", tagId: t.tagId, version: t.version } });
    expect(accepted.status).toBe(200);
    expect(previewTag.parse(accepted.body)).toMatchObject({ tagId: t.tagId, code: t.tag.code, state: "accepted", version: t.version + 1 });
    expect(await store.db.auditEntry.count({ where: { action: "tag.accept", articleId: seed.aloneId, actor: "token:cms-bot" } })).toBe(1);

    const stale = await call(articleTags.POST, triage, { ...at, json: { action: "reject", tagId: t.tagId, version: t.version } });
    expect(stale.status).toBe(409);
    expect(problemSchema.parse(stale.body).current).toMatchObject({ state: "accepted", version: t.version + 1 });
    const rejected = await call(articleTags.POST, triage, { ...at, json: { action: "reject", tagId: t.tagId, version: t.version + 1 } });
    expect(previewTag.parse(rejected.body).state).toBe("rejected");

    const added = await call(articleTags.POST, triage, { ...at, json: { action: "add", scheme: "iso3166", code: "ee" } });
    expect(previewTag.parse(added.body)).toMatchObject({ scheme: "iso3166", code: "EE", origin: "editor", state: "accepted" });
    const badCode = await call(articleTags.POST, triage, { ...at, json: { action: "add", scheme: "medtop", code: "medtop:99999999" } });
    expect(badCode.status).toBe(422);
    const noTag = await call(articleTags.POST, triage, { ...at, json: { action: "accept", tagId: 999999 } });
    expect(noTag.status).toBe(404);
    const noArticle = await call(articleTags.POST, triage, { params: { id: "999999" }, json: { action: "accept", tagId: t.tagId } });
    expect(noArticle.status).toBe(404);
    // A read token may suggest but not decide.
    expect((await call(articleTags.POST, reader, { ...at, json: { action: "accept", tagId: t.tagId } })).status).toBe(403);
  });

  it("lists duplicate links by state and kind, and a dismissal takes the copy out of its story", async () => {
    const open = duplicateLinkPage.parse((await call(duplicates.GET, reader, { query: "state=open" })).body);
    expect(open.items.map((l) => l.id)).toContain(seed.linkId);
    const link = open.items.find((l) => l.id === seed.linkId)!;
    const sameKind = duplicateLinkPage.parse((await call(duplicates.GET, reader, { query: `kind=${link.kind}&article=${seed.wireId}` })).body);
    expect(sameKind.items.map((l) => l.id)).toEqual([seed.linkId]);
    const otherKind = link.kind === "exact" ? "same-story" : "exact";
    expect(duplicateLinkPage.parse((await call(duplicates.GET, reader, { query: `kind=${otherKind}&article=${seed.wireId}` })).body).items).toEqual([]);
    const badKind = await call(duplicates.GET, reader, { query: "kind=twin" });
    expect(problemSchema.parse(badKind.body).errors!.map((e) => e.path)).toEqual(["query.kind"]);

    const r = await call(duplicate.POST, triage, { params: { id: String(seed.linkId) }, json: { decision: "dismiss" } });
    expect(r.status).toBe(200);
    expect(duplicateLinkView.parse(r.body)).toMatchObject({ id: seed.linkId, state: "dismissed" });
    expect(r.body).toHaveProperty("decidedAt", expect.any(String));
    const moved = await store.db.article.findMany({ where: { id: { in: [seed.wireId, seed.copyId] } }, select: { storyId: true } });
    expect(moved.filter((m) => m.storyId !== null).length).toBeLessThan(2);
    expect(await store.db.auditEntry.count({ where: { action: "link.dismiss", entityId: String(seed.linkId), actor: "token:cms-bot" } })).toBe(1);
    const none = duplicateLinkPage.parse((await call(duplicates.GET, reader, { query: `state=open&article=${seed.wireId}` })).body);
    expect(none.items).toEqual([]);
    expect((await call(duplicate.POST, triage, { params: { id: "999999" }, json: { decision: "confirm" } })).status).toBe(404);
  });
});
