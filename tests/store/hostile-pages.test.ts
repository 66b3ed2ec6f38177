// Hostile HTML pages through the upload route, as a signed-in editor: each is
// refused as an item of the run with what and where, the rest of the run is
// stored, and the process answers other requests meanwhile.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, storeKinds, type TestStore } from "../support/stores";
import { usersByRole } from "../support/auth";
import type { Db } from "../../lib/server/db/client";
import { POST } from "../../app/api/ingest/route";
import { GET as listArticles } from "../../app/api/articles/route";

/** What Next passes a route without path parameters. */
const noParams = { params: Promise.resolve({}) };

const story = (headline: string) =>
  `<html><head><title>${headline}</title></head><body><article><h1>${headline}</h1>${"<p>The harbour ferry will run every twenty minutes from Monday, the operator said on Tuesday.</p>".repeat(4)}</article></body></html>`;

describe.each(storeKinds())("hostile pages uploaded on %s", (kind) => {
  let store: TestStore;
  let cookie: string;
  const g = globalThis as unknown as { wiredeskDb?: Db };
  const headers = () => ({ cookie, origin: "http://desk.test", host: "desk.test" });

  beforeAll(async () => {
    store = await openStore(kind);
    g.wiredeskDb = store.db;
    cookie = (await usersByRole(store.db, "pages")).editor.cookie;
  }, 120_000);
  afterAll(async () => {
    g.wiredeskDb = undefined;
    await store?.drop();
  });

  it("refuses 2,000 nested <div> and 80,000 spaces in a meta tag item by item, keeps the good page, and answers meanwhile", async () => {
    const form = new FormData();
    form.append("files", new File([`<html>\n<body>\n${"<div>".repeat(2000)}text${"</div>".repeat(2000)}</body></html>`], "deep.html"));
    form.append("files", new File([`<html><head><meta property="og:${" ".repeat(80_000)}title" content="Spaces | Site"></head><body>${story("Spaced out").slice(6)}`], "spaces.html"));
    form.append("files", new File([story("Ferry timetable changes")], "good.html"));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      let uploadDone = false;
      const upload = POST(new NextRequest("http://desk.test/api/ingest", { method: "POST", headers: headers(), body: form }), noParams).finally(() => {
        uploadDone = true;
      });
      // Another request while the upload runs, answered in full.
      const list = await listArticles(new NextRequest("http://desk.test/api/articles", { headers: headers() }), noParams);
      expect(list.status).toBe(200);
      const res = await upload;
      expect(uploadDone).toBe(true);
      expect(res.status).toBe(200);
      const report = (await res.json()) as { totals: { new: number; failed: number }; inputs: { input: string; errors: { location: string; message: string }[] }[] };
      expect(report.totals).toMatchObject({ new: 2, failed: 1 });
      expect(report.inputs[0]).toMatchObject({ input: "deep.html", errors: [{ location: "line 3", message: expect.stringMatching(/^refused: the page nests elements more than 160 deep/) }] });
      expect(report.inputs[1]!.errors).toEqual([]);
      expect(report.inputs[2]!.errors).toEqual([]);
      expect((await store.db.article.findMany({ select: { headline: true }, orderBy: { id: "asc" } })).map((a) => a.headline)).toEqual(["Spaced out", "Ferry timetable changes"]);
      const errors = await store.db.ingestError.findMany();
      expect(errors).toMatchObject([{ input: "deep.html", location: "line 3" }]);
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });
});
