// How the browser reads the desk's answers (lib/queries/read-json.ts, postJson):
// the answer's schema decides what is accepted, a refusal reads as the
// server's problem message, a wrong shape as an error naming the field.
// The answers of every route on a real store: tests/store/client-schemas.test.ts.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerShapeError, parseAnswer, readJson } from "../../../lib/queries/read-json";
import { postJson } from "../../../lib/ui/keys";
import { tagActionAnswer } from "../../../lib/schemas/tags";
import { passwordSet } from "../../../lib/schemas/users";
import { savedViewItem } from "../../../lib/schemas/views";
import { liveEvent } from "../../../lib/schemas/live";
import { PROBLEM_CONTENT_TYPE } from "../../../lib/schemas/problem";

const json = (body: unknown, status = 200, type = "application/json") => new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

describe("readJson", () => {
  it("answers the schema's reading of a good answer, unknown fields dropped", async () => {
    expect(await readJson(json({ id: 3, name: "Spain", query: "place=ES", extra: true }), savedViewItem)).toEqual({ id: 3, name: "Spain", query: "place=ES" });
  });

  it("throws a refusal's problem detail, or the fallback with the status when the body says nothing", async () => {
    const problem = { type: "about:blank", title: "Conflict", status: 409, detail: "There is already a view called “Spain”" };
    await expect(readJson(json(problem, 409, PROBLEM_CONTENT_TYPE), savedViewItem)).rejects.toThrow("There is already a view called “Spain”");
    await expect(readJson(new Response("<html>Bad gateway</html>", { status: 502 }), savedViewItem)).rejects.toThrow("Request failed (HTTP 502)");
    await expect(readJson(new Response("", { status: 500 }), savedViewItem, "Could not save")).rejects.toThrow("Could not save");
  });

  it("refuses a wrong shape, naming the first wrong field, and an OK answer that is not JSON", async () => {
    const err = await readJson(json({ id: "3", name: "Spain", query: "" }), savedViewItem).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnswerShapeError);
    expect((err as Error).message).toMatch(/^The answer from the server was not understood \(id: /);
    await expect(readJson(new Response("not json", { status: 200 }), savedViewItem)).rejects.toThrow(AnswerShapeError);
  });
});

describe("answers with several shapes", () => {
  it("reads each tag action's answer as its own shape, and refuses a mix of none", () => {
    expect(parseAnswer(tagActionAnswer, { ok: true, tagId: 4, state: "accepted", version: 2 })).toEqual({ ok: true, tagId: 4, state: "accepted", version: 2 });
    expect(parseAnswer(tagActionAnswer, { accepted: 1, tags: [{ tagId: 4, version: 2 }] })).toEqual({ accepted: 1, tags: [{ tagId: 4, version: 2 }] });
    expect(parseAnswer(tagActionAnswer, { ok: true })).toEqual({ ok: true });
    // A decision with a wrong state is not read as a removal (which answers { ok: true } alone).
    expect(() => parseAnswer(tagActionAnswer, { ok: true, tagId: 4, state: "maybe", version: 2 })).toThrow(AnswerShapeError);
    expect(() => parseAnswer(tagActionAnswer, { accepted: "1" })).toThrow(AnswerShapeError);
    expect(() => parseAnswer(tagActionAnswer, {})).toThrow(AnswerShapeError);
  });

  it("reads a password answer as generated or chosen", () => {
    expect(parseAnswer(passwordSet, { password: "x-y-z" })).toEqual({ password: "x-y-z" });
    expect(parseAnswer(passwordSet, { ok: true })).toEqual({ ok: true });
    expect(() => parseAnswer(passwordSet, { ok: false })).toThrow(AnswerShapeError);
  });

  it("refuses a live message with ids that are not numbers", () => {
    expect(parseAnswer(liveEvent, { articles: [1], changed: [], entities: ["source"] })).toEqual({ articles: [1], changed: [], entities: ["source"] });
    expect(() => parseAnswer(liveEvent, { articles: ["1"], changed: [], entities: [] }, "/api/events")).toThrow("/api/events was not understood (articles.0: ");
  });
});

describe("postJson", () => {
  let server: Server;
  let base = "";
  const seen: { method?: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ method: req.method, body });
        if (req.url === "/refused") {
          res.writeHead(422, { "content-type": PROBLEM_CONTENT_TYPE }).end(JSON.stringify({ type: "about:blank", title: "Unprocessable", status: 422, detail: "a view needs a name" }));
        } else if (req.url === "/odd") {
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: 1, name: "Spain" }));
        } else {
          res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: 1, name: "Spain", query: "place=ES" }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the body as JSON with the method and reads the answer with the schema", async () => {
    const v = await postJson(`${base}/views`, savedViewItem, { name: "Spain", query: "place=ES" });
    expect(v).toEqual({ id: 1, name: "Spain", query: "place=ES" });
    expect(seen.at(-1)).toEqual({ method: "POST", body: '{"name":"Spain","query":"place=ES"}' });
    await postJson(`${base}/views/1`, savedViewItem, undefined, "DELETE");
    expect(seen.at(-1)).toEqual({ method: "DELETE", body: "" });
  });

  it("throws the server's message for a refusal and names the path of an answer it cannot read", async () => {
    await expect(postJson(`${base}/refused`, savedViewItem, {})).rejects.toThrow("a view needs a name");
    await expect(postJson(`${base}/odd`, savedViewItem, {})).rejects.toThrow("The answer from /odd was not understood (query: ");
  });
});
