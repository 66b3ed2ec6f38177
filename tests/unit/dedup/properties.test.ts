import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { compare, prepare } from "../../../lib/dedup/compare";
import { DedupIndex } from "../../../lib/dedup/dedup-index";
import { fingerprint } from "../../../lib/dedup/fingerprint";
import { PLANTED, demoArticles, type DemoArticle } from "./helpers";

// Property tests over the demo copy: a small random edit of an article is
// still found as a near copy of it, through the index; a different story,
// edited or not, is never linked to it.

const articles = demoArticles().filter((a, i, all) => all.findIndex((b) => b.uri === a.uri) === i);
const stories = articles.filter((a) => a.bodyText.split(/\s+/).length >= 150);
const texts = articles.map((a) => `${a.headline}\n\n${a.bodyText}`);
const index = new DedupIndex();
texts.forEach((t, id) => index.add(id, fingerprint(t)));

/** Articles planted as copies or rewrites of one another: the same story. */
const sameStory = (a: DemoArticle, b: DemoArticle) =>
  a === b || PLANTED.some(([, , pa, pb]) => (pa(a) && pb(b)) || (pa(b) && pb(a)));

const vocabulary = [...new Set(articles.flatMap((a) => a.bodyText.toLowerCase().match(/\p{L}{3,}/gu) ?? []))];
const word = fc.oneof(fc.constantFrom(...vocabulary), fc.stringMatching(/^[a-z]{3,10}$/));

interface Edit {
  words: { op: "replace" | "delete" | "insert"; at: number; word: string }[];
  headline: string[] | null;
  trimParagraph: number | null;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  words: fc.array(
    fc.record({ op: fc.constantFrom("replace" as const, "delete" as const, "insert" as const), at: fc.nat(), word }),
    { minLength: 1, maxLength: 4 },
  ),
  headline: fc.option(fc.array(word, { minLength: 5, maxLength: 12 })),
  trimParagraph: fc.option(fc.nat()),
});

/** Apply an edit: another headline, a short paragraph cut (at most a tenth of the words), a few words changed. */
function applyEdit(a: DemoArticle, e: Edit): string {
  let paragraphs = a.bodyText.split("\n\n");
  const total = a.bodyText.split(/\s+/).length;
  if (e.trimParagraph !== null) {
    const short = paragraphs.map((p, i) => [p, i] as const).filter(([p]) => p.split(/\s+/).length <= total / 10);
    const cut = short[e.trimParagraph % Math.max(1, short.length)];
    if (cut && paragraphs.length > 1) paragraphs = paragraphs.filter((_, i) => i !== cut[1]);
  }
  const body = paragraphs.join("\n\n").split(" ");
  for (const w of e.words) {
    const at = w.at % body.length;
    if (w.op === "replace") body[at] = w.word;
    else if (w.op === "delete") body.splice(at, 1);
    else body.splice(at, 0, w.word);
  }
  return `${e.headline ? e.headline.join(" ") : a.headline}\n\n${body.join(" ")}`;
}

describe("properties", () => {
  it("a small random edit of an article is found as near, through the index", () => {
    fc.assert(
      fc.property(fc.constantFrom(...stories), edit, (story, e) => {
        const copy = applyEdit(story, e);
        fc.pre(copy !== texts[articles.indexOf(story)]);
        const p = prepare(copy);
        const near = index
          .candidates(fingerprint(copy))
          .map((h) => ({ id: h.id, m: compare(p, texts[h.id] ?? "") }))
          .filter((x) => x.m?.kind === "near" || x.m?.kind === "exact");
        expect(near.map((x) => x.id)).toContain(articles.indexOf(story));
        for (const x of near) expect(sameStory(articles[x.id] as DemoArticle, story)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("an unrelated article is never linked, edited or not", () => {
    const pairs = fc
      .tuple(fc.constantFrom(...articles), fc.constantFrom(...articles))
      .filter(([a, b]) => !sameStory(a, b) && a.uri !== b.uri);
    fc.assert(
      fc.property(pairs, edit, ([a, b], e) => {
        expect(compare(applyEdit(a, e), `${b.headline}\n\n${b.bodyText}`)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("a text made of the same words as the demo copy is never found as a copy", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 20, maxLength: 400 }), (ws) => {
        const text = ws.join(" ");
        const p = prepare(text);
        for (const h of index.candidates(fingerprint(text))) expect(compare(p, texts[h.id] ?? "")).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
