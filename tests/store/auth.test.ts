// Authorization in the data layer (whoever calls it), stale-write refusal
// for tags, undo from the audit log, users and presence, sign-in rate limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { PASSWORD, signIn } from "../support/auth";
import { ForbiddenError, systemActor, type Actor } from "../../lib/server/audit";
import { decideTag, addTag } from "../../lib/server/tags/decide-tag";
import { renameTag, setHidden } from "../../lib/server/tags/taxonomy";
import { setStatus, StaleWriteError } from "../../lib/server/articles/set-status";
import { decideLink } from "../../lib/server/duplicates/decide-link";
import { runIngest } from "../../lib/server/ingest/run-ingest";
import { changeUser, createUser, listUsers } from "../../lib/server/users";
import { findAudit, articleAudit } from "../../lib/server/audit-log";
import { undoEntry, UndoError } from "../../lib/server/audit-undo";
import { heartbeat, leave } from "../../lib/server/presence";
import { authFor } from "../../lib/server/auth/auth";
import { getArticle } from "../../lib/server/articles/get-article";
import { articlePreview } from "../../lib/server/articles/article-preview";
import { findArticles } from "../../lib/server/articles/find-articles";
import { articleFacets } from "../../lib/server/articles/article-facets";
import { getDashboard } from "../../lib/server/dashboard/get-dashboard";
import { findLinkQueue, firstLinkFor, getLink } from "../../lib/server/duplicates/find-links";
import { findTags, topicTree } from "../../lib/server/tags/taxonomy";
import { listSources } from "../../lib/server/sources/list-sources";
import { exportOpml } from "../../lib/server/sources/opml-sources";
import { findRecentRuns } from "../../lib/server/ingest/find-runs";
import { findSourceNames } from "../../lib/server/ingest/source-names";
import { sessionUser } from "../../lib/server/auth/session";

describe.each(storeKinds())("sign-in and roles on %s", (kind) => {
  let store: TestStore;
  let articleId: number;
  let tagId: number;
  let linkId: number;
  const ids: Record<string, number> = {};
  const as = (role: "admin" | "editor" | "viewer"): Actor => ({ name: `${role} user`, userId: ids[role], role });

  beforeAll(async () => {
    store = await openStore(kind);
    for (const role of ["admin", "editor", "viewer"] as const) {
      ids[role] = (await createUser(store.db, { email: `${role}@auth.test`, name: `${role} user`, role, password: PASSWORD }, systemActor("test"))).id;
    }
    const a = await store.db.article.create({ data: { uri: "auth-a", headline: "Port strike ends", bodyText: "Dockers voted to end the strike on Monday.", contentHash: "auth-a" } });
    const b = await store.db.article.create({ data: { uri: "auth-b", headline: "Port strike over", bodyText: "Dockers voted to end the strike.", contentHash: "auth-b" } });
    articleId = a.id;
    tagId = (await store.db.tag.findFirstOrThrow({ where: { scheme: "medtop", parentId: { not: null } } })).id;
    await store.db.articleTag.create({ data: { articleId, tagId, origin: "machine", confidence: 0.7 } });
    linkId = (await store.db.duplicateLink.create({ data: { articleId: b.id, otherId: a.id, kind: "near", score: 0.9 } })).id;
  }, 120_000);
  afterAll(async () => {
    await store?.drop();
  });

  const auditCount = () => store.db.auditEntry.count();

  it("refuses a viewer's writes in the data layer, whatever calls it, and writes nothing", async () => {
    const before = await auditCount();
    const tag = await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } });
    await expect(decideTag(store.db, articleId, tagId, "accepted", as("viewer"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addTag(store.db, articleId, "iso3166", "ES", as("viewer"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setStatus(store.db, articleId, "reviewed", 1, as("viewer"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideLink(store.db, linkId, "confirmed", as("viewer"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runIngest(store.db, [], { origin: "upload", actor: "viewer user", role: "viewer" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } })).toEqual(tag);
    expect(await store.db.ingestRun.count()).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it("reads take the actor too: every role reads the desk, the set-up's reads are refused in the data layer", async () => {
    for (const role of ["admin", "editor", "viewer"] as const) {
      expect((await getArticle(store.db, articleId, as(role)))?.id).toBe(articleId);
      expect((await articlePreview(store.db, articleId, as(role)))?.id).toBe(articleId);
      expect((await findArticles(store.db, { view: "articles" }, as(role))).items.map((i) => i.id)).toContain(articleId);
      expect((await articleFacets(store.db, {}, as(role))).total).toBeGreaterThan(0);
      expect((await getDashboard(store.db, {}, as(role))).range).toBe("7d");
      expect(await firstLinkFor(store.db, articleId, as(role))).toBe(linkId);
      expect((await getLink(store.db, linkId, as(role)))?.id).toBe(linkId);
      expect((await findLinkQueue(store.db, as(role))).copies.length).toBeGreaterThan(0);
      expect(Array.isArray(await findTags(store.db, "port", as(role)))).toBe(true);
    }
    // Sources and the taxonomy tree are the admin's set-up; past runs and source names are for those who ingest.
    for (const role of ["editor", "viewer"] as const) {
      await expect(listSources(store.db, as(role))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportOpml(store.db, as(role))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(topicTree(store.db, as(role))).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(findRecentRuns(store.db, as("viewer"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findSourceNames(store.db, as("viewer"))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await findRecentRuns(store.db, as("editor"))).toEqual([]);
    expect(await listSources(store.db, as("admin"))).toEqual([]);
    expect((await topicTree(store.db, as("admin"))).length).toBeGreaterThan(0);
    // An article with no links: the duplicates page says so rather than redirecting.
    const alone = await store.db.article.create({ data: { uri: "auth-alone", headline: "Alone", bodyText: "No copies.", contentHash: "auth-alone" } });
    expect(await firstLinkFor(store.db, alone.id, as("viewer"))).toBeNull();
    await store.db.article.delete({ where: { id: alone.id } });
  });

  it("keeps the newsroom's set-up to admins: taxonomy, users, the full audit log", async () => {
    const before = await auditCount();
    await expect(renameTag(store.db, tagId, "Mine", as("editor"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setHidden(store.db, tagId, true, as("editor"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createUser(store.db, { email: "x@auth.test", name: "X", role: "admin", password: PASSWORD }, as("editor"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(changeUser(store.db, ids.viewer!, { role: "admin" }, as("editor"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers(store.db, as("editor"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(findAudit(store.db, {}, as("editor"))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await auditCount()).toBe(before);
    expect((await store.db.user.findUniqueOrThrow({ where: { id: ids.viewer! } })).role).toBe("viewer");
  });

  it("refuses a stale tag decision, says what is current, and loses nothing", async () => {
    const t0 = await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } });
    const first = await decideTag(store.db, articleId, tagId, "accepted", as("editor"), t0.version);
    expect(first.version).toBe(t0.version + 1);
    // A second editor acting on the page they loaded before the first decision:
    const stale = decideTag(store.db, articleId, tagId, "rejected", { ...as("admin") }, t0.version);
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    await expect(stale).rejects.toMatchObject({ current: { state: "accepted", version: t0.version + 1 } });
    const now = await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } });
    expect(now.state).toBe("accepted");
    const entries = await store.db.auditEntry.findMany({ where: { action: { startsWith: "tag." }, articleId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.userId])).toEqual([["tag.accept", ids.editor]]);
  });

  it("lets exactly one of many concurrent decisions on the same version through", async () => {
    const t = await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => decideTag(store.db, articleId, tagId, i % 2 ? "accepted" : "rejected", as("editor"), t.version)),
    );
    const ok = results.filter((r) => r.status === "fulfilled" && (r.value as { version: number }).version === t.version + 1);
    const stale = results.filter((r) => r.status === "rejected" && r.reason instanceof StaleWriteError);
    // "accepted" is a no-op on an accepted tag; every real change but one is refused.
    expect(ok.length).toBe(1);
    expect(ok.length + stale.length + results.filter((r) => r.status === "fulfilled" && (r.value as { version: number }).version === t.version).length).toBe(8);
    const final = await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } });
    const last = await store.db.auditEntry.findFirstOrThrow({ where: { articleId, action: { startsWith: "tag." } }, orderBy: { id: "desc" } });
    expect(JSON.parse(last.after!)).toEqual({ state: final.state, version: final.version });
  });

  it("undoes tag decisions, status changes and duplicate decisions from the audit log, as new audited actions", async () => {
    const t = await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } });
    await decideTag(store.db, articleId, tagId, t.state === "accepted" ? "rejected" : "accepted", as("editor"));
    const tagEntry = await store.db.auditEntry.findFirstOrThrow({ where: { articleId, action: { startsWith: "tag." } }, orderBy: { id: "desc" } });
    await undoEntry(store.db, tagEntry.id, as("admin"));
    expect((await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId } })).state).toBe(t.state);

    const a = await store.db.article.findUniqueOrThrow({ where: { id: articleId } });
    await setStatus(store.db, articleId, "spiked", a.version, as("editor"));
    const statusEntry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "article.status" }, orderBy: { id: "desc" } });
    await undoEntry(store.db, statusEntry.id, as("editor"));
    expect((await store.db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe(a.status);

    await decideLink(store.db, linkId, "confirmed", as("editor"));
    const linkEntry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "link.confirm" }, orderBy: { id: "desc" } });
    await undoEntry(store.db, linkEntry.id, as("editor"));
    expect((await store.db.duplicateLink.findUniqueOrThrow({ where: { id: linkId } })).state).toBe("suggested");

    // A first decision undone puts the suggestion back.
    const fresh = await store.db.tag.findFirstOrThrow({ where: { scheme: "medtop", parentId: { not: null }, id: { not: tagId } } });
    await store.db.articleTag.create({ data: { articleId, tagId: fresh.id, origin: "machine", confidence: 0.5 } });
    await decideTag(store.db, articleId, fresh.id, "accepted", as("editor"));
    const first = await store.db.auditEntry.findFirstOrThrow({ where: { action: "tag.accept" }, orderBy: { id: "desc" } });
    // Undoing an earlier decision never overwrites a later one.
    await decideTag(store.db, articleId, fresh.id, "rejected", as("editor"));
    await expect(undoEntry(store.db, first.id, as("editor"))).rejects.toBeInstanceOf(StaleWriteError);
    const second = await store.db.auditEntry.findFirstOrThrow({ where: { action: "tag.reject" }, orderBy: { id: "desc" } });
    await undoEntry(store.db, second.id, as("editor"));
    const latest = await store.db.auditEntry.findFirstOrThrow({ where: { action: "tag.accept" }, orderBy: { id: "desc" } });
    expect(latest.id).toBeGreaterThan(second.id);
    expect(await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId: fresh.id } })).toMatchObject({ state: "accepted", version: 4 });
    await expect(undoEntry(store.db, first.id, as("editor"))).rejects.toBeInstanceOf(StaleWriteError);
    // The first decision, undone while it is the latest, puts the suggestion back.
    await store.db.articleTag.update({ where: { articleId_tagId: { articleId, tagId: fresh.id } }, data: { state: "suggested", version: 1 } });
    await decideTag(store.db, articleId, fresh.id, "accepted", as("editor"));
    const only = await store.db.auditEntry.findFirstOrThrow({ where: { action: "tag.accept" }, orderBy: { id: "desc" } });
    await undoEntry(store.db, only.id, as("editor"));
    expect(await store.db.articleTag.findFirstOrThrow({ where: { articleId, tagId: fresh.id } })).toMatchObject({ state: "suggested", version: 3 });
    await store.db.articleTag.delete({ where: { articleId_tagId: { articleId, tagId: fresh.id } } });

    const undos = await store.db.auditEntry.findMany({ where: { id: { gt: tagEntry.id } }, orderBy: { id: "asc" } });
    expect(undos.filter((e) => e.userId === ids.admin).map((e) => e.action)).toEqual([t.state === "accepted" ? "tag.accept" : "tag.reject"]);
    // A viewer cannot undo, and an editor cannot undo a taxonomy change.
    await expect(undoEntry(store.db, linkEntry.id, as("viewer"))).rejects.toBeInstanceOf(ForbiddenError);
    await renameTag(store.db, tagId, "Renamed by admin", as("admin"));
    const renameEntry = await store.db.auditEntry.findFirstOrThrow({ where: { action: "taxonomy.rename" }, orderBy: { id: "desc" } });
    await expect(undoEntry(store.db, renameEntry.id, as("editor"))).rejects.toBeInstanceOf(ForbiddenError);
    await undoEntry(store.db, renameEntry.id, as("admin"));
    expect((await store.db.tag.findUniqueOrThrow({ where: { id: tagId } })).name).not.toBe("Renamed by admin");
    await expect(undoEntry(store.db, 999_999, as("admin"))).rejects.toBeInstanceOf(UndoError);
  });

  it("shows an article's history to every reader and the filtered log to admins", async () => {
    const history = await articleAudit(store.db, articleId, as("viewer"));
    expect(history.length).toBeGreaterThan(3);
    expect(history[0]).toHaveProperty("undoable");
    const byEditor = await findAudit(store.db, { user: ids.editor, action: "tag." }, as("admin"));
    expect(byEditor.items.length).toBeGreaterThan(0);
    expect(byEditor.items.every((e) => e.userId === ids.editor && e.action.startsWith("tag."))).toBe(true);
    const none = await findAudit(store.db, { from: "2001-01-01", to: "2001-01-02" }, as("admin"));
    expect(none.items).toEqual([]);
  });

  it("audits user changes, refuses an admin disabling themself, and ends a disabled user's sessions", async () => {
    const cookie = await signIn(store.db, "editor@auth.test");
    expect(await sessionUser(store.db, new Headers({ cookie }))).toMatchObject({ id: ids.editor, role: "editor" });
    await expect(changeUser(store.db, ids.admin!, { disabled: true }, as("admin"))).rejects.toThrow(/cannot disable yourself/);
    await changeUser(store.db, ids.editor!, { disabled: true }, as("admin"));
    expect(await sessionUser(store.db, new Headers({ cookie }))).toBeNull();
    await expect(signIn(store.db, "editor@auth.test")).rejects.toThrow(/answered 4\d\d/);
    await changeUser(store.db, ids.editor!, { disabled: false, role: "editor" }, as("admin"));
    const entries = await store.db.auditEntry.findMany({ where: { entityType: "user", entityId: String(ids.editor) }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["user.create", "user.disable", "user.enable"]);
    expect(JSON.parse(entries[1]!.before!)).toEqual({ disabled: false });
    // Passwords are hashed with scrypt by better-auth, in the account row, never the user row.
    const account = await store.db.account.findFirstOrThrow({ where: { userId: ids.editor! } });
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(Object.keys(await store.db.user.findUniqueOrThrow({ where: { id: ids.editor! } }))).not.toContain("passwordHash");
  });

  it("lets nobody raise their own role or re-enable themself through better-auth's endpoints", async () => {
    const cookie = await signIn(store.db, "viewer@auth.test");
    for (const body of [{ role: "admin" }, { disabled: false, role: "editor" }]) {
      const res = await authFor(store.db).handler(
        new Request("http://desk.test/api/auth/update-user", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://desk.test", cookie },
          body: JSON.stringify(body),
        }),
      );
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    const signUp = await authFor(store.db).handler(
      new Request("http://desk.test/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://desk.test" },
        body: JSON.stringify({ email: "walk-in@auth.test", password: PASSWORD, name: "Walk In", role: "admin" }),
      }),
    );
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    expect((await store.db.user.findUniqueOrThrow({ where: { id: ids.viewer! } })).role).toBe("viewer");
    expect(await store.db.user.findUnique({ where: { email: "walk-in@auth.test" } })).toBeNull();
  });

  it("shows who else has an article open, for 30 seconds after their last beat", async () => {
    expect(await heartbeat(store.db, articleId, as("editor"))).toEqual([]);
    const seen = await heartbeat(store.db, articleId, as("viewer"));
    expect(seen.map((u) => u.id)).toEqual([ids.editor]);
    await store.db.presence.update({ where: { articleId_userId: { articleId, userId: ids.editor! } }, data: { seenAt: new Date(Date.now() - 31_000) } });
    expect(await heartbeat(store.db, articleId, as("viewer"))).toEqual([]);
    await leave(store.db, articleId, as("viewer"));
    expect(await heartbeat(store.db, articleId, as("editor"))).toEqual([]);
  });

  it("limits sign-in attempts per address, counted in the store", async () => {
    const attempt = (ip: string) =>
      authFor(store.db).handler(
        new Request("http://desk.test/api/auth/sign-in/email", {
          method: "POST",
          // The connection's address, as the web server (scripts/serve.mjs) passes it on.
          headers: { "content-type": "application/json", origin: "http://desk.test", "x-wiredesk-peer": ip },
          body: JSON.stringify({ email: "viewer@auth.test", password: "wrong password!" }),
        }),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt("203.0.113.7")).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(await store.db.rateLimit.count()).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await attempt("203.0.113.8")).status).toBe(401);
  });
});
