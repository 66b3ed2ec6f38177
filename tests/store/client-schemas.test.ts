// The browser reads every answer of the desk's own routes with the zod schema
// declared for it (lib/queries/read-json.ts). Here each route answers for
// real, on a real store, as the signed-in browser calls it, and the answer
// goes through the very function the client hooks use; a wrong shape of each
// is refused, and a refusal reads as the server's problem message.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { nextChanges, openCursor } from "../../lib/server/live/changes";
import { setStatus } from "../../lib/server/articles/set-status";
import type { Db } from "../../lib/server/db/client";
import { AnswerShapeError, parseAnswer, readJson } from "../../lib/queries/read-json";
import { articleFacets, articlePage, bulkStatusResult } from "../../lib/schemas/articles";
import { articlePreview } from "../../lib/schemas/preview";
import { storyDetail, storyMoved } from "../../lib/schemas/stories";
import { dashboard } from "../../lib/schemas/dashboard";
import { savedViewItem, savedViewList } from "../../lib/schemas/views";
import { opmlImportReport, pollQueued, sourceList, sourceSaved } from "../../lib/schemas/sources";
import { suggestionsAccepted, tagActionAnswer, tagDecided, tagRemoved, tagSearchResult, taxonomyAnswer } from "../../lib/schemas/tags";
import { passwordSet, presenceAnswer, userChanged, userCreated } from "../../lib/schemas/users";
import { auditUndone } from "../../lib/schemas/audit";
import { canonicalChosen, clusterResult, linkDecided } from "../../lib/schemas/duplicates";
import { liveEvent } from "../../lib/schemas/live";
import { ingestReport } from "../../lib/schemas/ingest";
import * as articlesRoute from "../../app/api/articles/route";
import * as facetsRoute from "../../app/api/articles/facets/route";
import * as articleRoute from "../../app/api/articles/[id]/route";
import * as articleTagsRoute from "../../app/api/articles/[id]/tags/route";
import * as presenceRoute from "../../app/api/articles/[id]/presence/route";
import * as canonicalRoute from "../../app/api/articles/[id]/canonical/route";
import * as statusesRoute from "../../app/api/articles/status/route";
import * as storyRoute from "../../app/api/stories/[id]/route";
import * as storyMoveRoute from "../../app/api/stories/move/route";
import * as dashboardRoute from "../../app/api/dashboard/route";
import * as viewsRoute from "../../app/api/views/route";
import * as viewRoute from "../../app/api/views/[id]/route";
import * as sourcesRoute from "../../app/api/sources/route";
import * as sourceRoute from "../../app/api/sources/[id]/route";
import * as pollRoute from "../../app/api/sources/[id]/poll/route";
import * as opmlRoute from "../../app/api/sources/opml/route";
import * as tagsRoute from "../../app/api/tags/route";
import * as taxonomyRoute from "../../app/api/taxonomy/route";
import * as usersRoute from "../../app/api/users/route";
import * as userRoute from "../../app/api/users/[id]/route";
import * as passwordRoute from "../../app/api/users/[id]/password/route";
import * as undoRoute from "../../app/api/audit/[id]/undo/route";
import * as linkRoute from "../../app/api/duplicates/[id]/route";
import * as clusterRoute from "../../app/api/duplicates/cluster/route";
import * as ingestRoute from "../../app/api/ingest/route";

const seedPath = path.resolve(import.meta.dirname, "../fixtures/pages/seed-aggregator.txt");

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const handler = (f: unknown) => f as Handler;

describe.each(storeKinds())("client schemas read the real answers on %s", (kind) => {
  let store: TestStore;
  let users: Awaited<ReturnType<typeof usersByRole>>;
  const g = globalThis as unknown as { wiredeskDb?: Db };
  /** Each answer as the browser read it, with its schema: the wrong-shape checks break them. */
  const read: { name: string; schema: z.ZodType; json: unknown }[] = [];

  beforeAll(async () => {
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    users = await usersByRole(store.db, "client");
    await runIngest(store.db, [{ name: "seed.txt", read: async () => readFileSync(seedPath) }], { origin: "cli", actor: "test", role: "system" });
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  /** A route's answer as the desk's browser gets it: same origin, session cookie (an admin's unless told). */
  async function call(route: unknown, url: string, opts: { method?: string; params?: Record<string, string>; json?: unknown; body?: BodyInit; type?: string; as?: "admin" | "editor" } = {}) {
    const headers = new Headers({ origin: "http://desk.test", host: "desk.test", cookie: users[opts.as ?? "admin"].cookie });
    let body = opts.body;
    if (opts.json !== undefined) body = JSON.stringify(opts.json);
    if (opts.json !== undefined || opts.type) headers.set("content-type", opts.type ?? "application/json");
    const req = new NextRequest(`http://desk.test${url}`, { method: opts.method ?? "GET", headers, body });
    return handler(route)(req, { params: Promise.resolve(opts.params ?? {}) });
  }

  /** readJson, as the client hooks call it, keeping the raw answer for the wrong-shape checks. */
  async function answer<S extends z.ZodType>(name: string, res: Response, schema: S): Promise<z.output<S>> {
    const json: unknown = await res.clone().json();
    const out = await readJson(res, schema);
    read.push({ name, schema, json });
    return out;
  }

  const articleIds = async () => (await store.db.article.findMany({ select: { id: true, headline: true, storyId: true, version: true }, orderBy: { id: "asc" } }));

  it("reads the queue, its facets, an article, a story and the tag search", async () => {
    const page = await answer("queue page", await call(articlesRoute.GET, "/api/articles?limit=50&status=all&view=articles"), articlePage);
    expect(page.items.length).toBeGreaterThan(1);
    const facets = await answer("facets", await call(facetsRoute.GET, "/api/articles/facets"), articleFacets);
    expect(facets.total).toBeGreaterThan(0);
    const first = page.items[0]!;
    const preview = await answer("article", await call(articleRoute.GET, `/api/articles/${first.id}`, { params: { id: String(first.id) } }), articlePreview);
    expect(preview.id).toBe(first.id);
    const inStory = (await articleIds()).find((a) => a.storyId !== null)!;
    const story = await answer("story", await call(storyRoute.GET, `/api/stories/${inStory.storyId}`, { params: { id: String(inStory.storyId) } }), storyDetail);
    expect(story.members.map((m) => m.id)).toContain(inStory.id);
    const tags = await answer("tag search", await call(tagsRoute.GET, "/api/tags?q=spa"), tagSearchResult);
    expect(tags.items.some((t) => t.code === "ES")).toBe(true);
  });

  it("reads the dashboard", async () => {
    const d = await answer("dashboard", await call(dashboardRoute.GET, "/api/dashboard?range=30d"), dashboard);
    expect(d.range).toBe("30d");
    expect(d.topics.points.length).toBeGreaterThan(0);
  });

  it("reads saved views: saved, listed, deleted", async () => {
    const saved = await answer("view saved", await call(viewsRoute.POST, "/api/views", { method: "POST", json: { name: "Spain", query: "place=ES" } }), savedViewItem);
    const list = await answer("views", await call(viewsRoute.GET, "/api/views"), savedViewList);
    expect(list.items).toContainEqual(saved);
    const gone = await answer("view deleted", await call(viewRoute.DELETE, `/api/views/${saved.id}`, { method: "DELETE", params: { id: String(saved.id) } }), savedViewItem);
    expect(gone).toEqual(saved);
  });

  it("reads the tag panel's answers: a decision, accepting the suggestions, a removal", async () => {
    const withTags = await store.db.articleTag.findFirstOrThrow({ where: { state: "suggested" }, select: { articleId: true, tagId: true, version: true } });
    const p = { params: { id: String(withTags.articleId) } };
    const url = `/api/articles/${withTags.articleId}/tags`;
    const decided = await answer("tag decided", await call(articleTagsRoute.POST, url, { ...p, method: "POST", json: { action: "reject", tagId: withTags.tagId, version: withTags.version } }), tagActionAnswer);
    expect(tagDecided.parse(decided)).toMatchObject({ tagId: withTags.tagId, state: "rejected", version: withTags.version + 1 });
    const all = await answer("suggestions accepted", await call(articleTagsRoute.POST, url, { ...p, method: "POST", json: { action: "accept-suggestions" } }), tagActionAnswer);
    expect(suggestionsAccepted.parse(all).accepted).toBe(suggestionsAccepted.parse(all).tags.length);
    const added = tagDecided.parse(await readJson(await call(articleTagsRoute.POST, url, { ...p, method: "POST", json: { action: "add", scheme: "iso3166", code: "IS" } }), tagActionAnswer));
    const removed = await answer("tag removed", await call(articleTagsRoute.POST, url, { ...p, method: "POST", json: { action: "remove", tagId: added.tagId, version: added.version } }), tagActionAnswer);
    expect(tagRemoved.parse(removed)).toEqual({ ok: true });
  });

  it("reads presence, statuses, a story move, an undo and the taxonomy", async () => {
    const [a] = await articleIds();
    const p = { params: { id: String(a!.id) } };
    await readJson(await call(presenceRoute.POST, `/api/articles/${a!.id}/presence`, { ...p, method: "POST", as: "editor" }), presenceAnswer);
    const here = await answer("presence", await call(presenceRoute.POST, `/api/articles/${a!.id}/presence`, { ...p, method: "POST" }), presenceAnswer);
    expect(here.others).toEqual([{ id: users.editor.id, name: "editor client", role: "editor" }]);

    const r = await answer("statuses", await call(statusesRoute.POST, "/api/articles/status", { method: "POST", json: { status: "reviewed", items: [{ id: a!.id, version: a!.version }] } }), bulkStatusResult);
    expect(r.changed).toEqual([{ id: a!.id, from: "new", version: a!.version + 1 }]);
    const entry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "article.status", entityId: String(a!.id) }, orderBy: { id: "desc" } });
    const undone = await answer("audit undo", await call(undoRoute.POST, `/api/audit/${entry.id}/undo`, { method: "POST", params: { id: String(entry.id) } }), auditUndone);
    expect(undone).toEqual({ undone: entry.id });

    const inStory = (await articleIds()).find((x) => x.storyId !== null)!;
    const moved = await answer("story move", await call(storyMoveRoute.POST, "/api/stories/move", { method: "POST", json: { articleId: inStory.id, to: "alone" } }), storyMoved);
    expect(moved).toEqual({ storyId: null });

    const topic = await store.db.tag.findFirstOrThrow({ where: { scheme: "medtop", parentId: null } });
    const t = await answer("taxonomy", await call(taxonomyRoute.POST, "/api/taxonomy", { method: "POST", json: { action: "add", parentId: topic.id, name: "Harbour works" } }), taxonomyAnswer);
    expect(t).toMatchObject({ code: "newsroom:harbour-works", name: "Harbour works", hidden: false });
  });

  it("reads the duplicate decisions: a link, the canonical copy, a cluster", async () => {
    const copies = (await articleIds()).filter((a) => /Interpol/.test(a.headline));
    expect(copies).toHaveLength(2);
    const [keep, other] = copies;
    const cl = await answer("cluster", await call(clusterRoute.POST, "/api/duplicates/cluster", { method: "POST", json: { keep: keep!.id } }), clusterResult);
    expect(cl).toMatchObject({ keep: keep!.id, reviewed: [{ id: other!.id, from: "new" }] });
    const c = await answer("canonical", await call(canonicalRoute.POST, `/api/articles/${other!.id}/canonical`, { method: "POST", params: { id: String(other!.id) } }), canonicalChosen);
    expect(c).toMatchObject({ canonical: other!.id, members: [keep!.id, other!.id] });
    const linkId = cl.confirmed[0]!;
    const d = await answer("link decided", await call(linkRoute.POST, `/api/duplicates/${linkId}`, { method: "POST", params: { id: String(linkId) }, json: { state: "suggested" } }), linkDecided);
    expect(d).toEqual({ id: linkId, state: "suggested" });
  });

  it("reads the sources page's answers: list, add, change, poll, OPML import, delete", async () => {
    const made = await answer("source added", await call(sourcesRoute.POST, "/api/sources", { method: "POST", json: { name: "Harbour Post", feedUrl: "https://harbour.example/rss" } }), sourceSaved);
    const p = { params: { id: String(made.id) } };
    const list = await answer("sources", await call(sourcesRoute.GET, "/api/sources"), sourceList);
    expect(list.items.map((s) => s.id)).toContain(made.id);
    const changed = await answer("source changed", await call(sourceRoute.PATCH, `/api/sources/${made.id}`, { ...p, method: "PATCH", json: { enabled: false } }), sourceSaved);
    expect(changed).toEqual({ id: made.id, name: "Harbour Post", enabled: false });
    expect(await answer("poll", await call(pollRoute.POST, `/api/sources/${made.id}/poll`, { ...p, method: "POST" }), pollQueued)).toEqual({ queued: true });
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="Quay News" xmlUrl="https://quay.example/feed"/></body></opml>`;
    const report = await answer("OPML import", await call(opmlRoute.POST, "/api/sources/opml", { method: "POST", body: opml, type: "text/x-opml" }), opmlImportReport);
    expect(report.added.map((a) => a.name)).toEqual(["Quay News"]);
    // A DELETE answers 204 with no body: the sources page reads it as nothing.
    const res = await call(sourceRoute.DELETE, `/api/sources/${made.id}`, { ...p, method: "DELETE" });
    expect(res.status).toBe(204);
  });

  it("reads the user admin's answers: created, changed, password set (generated and chosen)", async () => {
    const created = await answer("user created", await call(usersRoute.POST, "/api/users", { method: "POST", json: { email: "new@desk.test", name: "New Person", role: "viewer" } }), userCreated);
    expect(created.password).toBeTypeOf("string");
    const p = { params: { id: String(created.user.id) } };
    const changed = await answer("user changed", await call(userRoute.POST, `/api/users/${created.user.id}`, { ...p, method: "POST", json: { role: "editor" } }), userChanged);
    expect(changed.user.role).toBe("editor");
    const generated = await answer("password generated", await call(passwordRoute.POST, `/api/users/${created.user.id}/password`, { ...p, method: "POST", json: {} }), passwordSet);
    expect("password" in generated).toBe(true);
    const chosen = await answer("password chosen", await call(passwordRoute.POST, `/api/users/${created.user.id}/password`, { ...p, method: "POST", json: { password: "a chosen long password" } }), passwordSet);
    expect(chosen).toEqual({ ok: true });
  });

  it("reads an upload's ingest report", async () => {
    const form = new FormData();
    form.append("files", new File(["Harbour cranes idle as dockers strike\n\nDockers at the harbour stopped work on Monday over pay."], "note.txt", { type: "text/plain" }));
    form.append("source", "Harbour Post");
    const report = await answer("ingest report", await call(ingestRoute.POST, "/api/ingest", { method: "POST", body: form }), ingestReport);
    expect(report.totals.new + report.totals.failed).toBeGreaterThan(0);
  });

  it("reads a live stream message as the hub writes it", async () => {
    const cursor = await openCursor(store.db);
    const a = await store.db.article.findFirstOrThrow({ where: { status: "new" } });
    await setStatus(store.db, a.id, "spiked", a.version, { name: "test editor", role: "editor" });
    const event = await nextChanges(store.db, cursor);
    // The stream sends JSON.stringify(event) as the message's data; the tab parses it.
    const json: unknown = JSON.parse(JSON.stringify(event));
    expect(parseAnswer(liveEvent, json).changed).toContain(a.id);
    read.push({ name: "live event", schema: liveEvent, json });
  });

  it("refuses each answer with a field missing, and a queue row with a status the desk does not know", () => {
    expect(read.map((r) => r.name)).toHaveLength(31);
    for (const { name, schema, json } of read) {
      const broken = { ...(json as Record<string, unknown>) };
      delete broken[Object.keys(broken)[0]!];
      expect(() => parseAnswer(schema, broken), name).toThrow(AnswerShapeError);
    }
    const page = read.find((r) => r.name === "queue page")!.json as { items: Record<string, unknown>[] };
    const odd = { ...page, items: [{ ...page.items[0], status: "archived" }, ...page.items.slice(1)] };
    expect(() => parseAnswer(articlePage, odd, "/api/articles")).toThrow(/\/api\/articles was not understood \(items\.0\.status: /);
    const dash = read.find((r) => r.name === "dashboard")!.json as { waiting: Record<string, unknown> };
    expect(() => parseAnswer(dashboard, { ...dash, waiting: { ...dash.waiting, newTotal: "12" } })).toThrow(/waiting\.newTotal/);
  });

  it("turns a refusal into the server's own message", async () => {
    const res = await call(storyRoute.GET, "/api/stories/999999", { params: { id: "999999" } });
    expect(res.status).toBe(404);
    await expect(readJson(res, storyDetail)).rejects.toThrow("No story 999999");
  });
});
