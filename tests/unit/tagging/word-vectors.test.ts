import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { analyse } from "../../../lib/tagging/doc";
import { stem } from "../../../lib/tagging/stem";
import { classifyTopics, loadTopicModel, softmax, topicFeatures, topicModel, type TopicModelFile } from "../../../lib/tagging/topic-model";
import { loadWordVectors, wordVectors, type WordVectorsFile } from "../../../lib/tagging/word-vectors";

// The English word vectors the topic classifier pools (lib/tagging/word-vectors.ts,
// decision 030): what they change, that tagging reads them as training did,
// and the file's contract.

const SPORT = "medtop:15000000";
const modelFile = JSON.parse(readFileSync(new URL("../../../lib/tagging/data/topic-model.json", import.meta.url), "utf8")) as TopicModelFile;
/** The shipped model less its pooled features: what its words and cues say alone. */
const wordsOnly = loadTopicModel({ ...modelFile, weights: Object.fromEntries(Object.entries(modelFile.weights).filter(([f]) => !f.startsWith("v:"))) });

const cosine = (a: string, b: string) => {
  const v = wordVectors();
  const row = (w: string) => {
    const i = v.index.get(w);
    if (i === undefined) throw new Error(`no vector for ${w}`);
    return Array.from(v.bytes.subarray(i * v.dims, (i + 1) * v.dims), (x) => x * v.scales[i]!);
  };
  const x = row(a);
  const y = row(b);
  let dot = 0;
  let nx = 0;
  let ny = 0;
  x.forEach((xi, d) => {
    dot += xi * y[d]!;
    nx += xi * xi;
    ny += y[d]! * y[d]!;
  });
  return dot / Math.sqrt(nx * ny);
};

describe("pooled word vectors in the topic classifier", () => {
  it("the shipped model learnt them", () => {
    expect(topicModel().pooling).toBe(true);
    expect(wordsOnly.pooling).toBe(false);
  });

  it.each([["Rookie to start at quarterback for the Giants on Sunday"], ["Lakers rout Nuggets behind James's triple-double"]])(
    "files %j under sport from the model alone, where its words alone said arts",
    (headline) => {
      const doc = () => analyse({ headline, bodyText: "" });
      expect(classifyTopics(doc(), [], wordsOnly)[0]!.top).not.toBe(SPORT);
      const [best] = classifyTopics(doc());
      expect(best!.top).toBe(SPORT);
      expect(best!.p).toBeGreaterThan(0.6);
    },
  );

  it("quotes a word the model never learnt when its vector carried the topic", () => {
    const headline = "Smartphone maker recalls handsets over battery fires";
    // No weight of its own: only its vector can speak for it.
    expect(modelFile.weights[stem("handsets")]).toBeUndefined();
    const classes = classifyTopics(analyse({ headline, bodyText: "" }));
    const quoted = classes.flatMap((c) => c.evidence.map((e) => e.text));
    expect(quoted).toContain("handsets");
    for (const c of classes) for (const e of c.evidence) expect(headline.slice(e.start, e.end)).toBe(e.text);
  });

  it("tags as it trained: word by word through the vectors, the same sum as the pooled features", () => {
    const input = {
      headline: "Chipmaker unveils faster processor for laptops",
      bodyText: "The company said the processor would ship in new laptops and servers next year, and its shares rose in New York.",
    };
    const model = topicModel();
    const tf = topicFeatures(analyse(input), [], wordVectors(), true);
    expect(tf.keys.filter((k) => k.startsWith("v:"))).toHaveLength(wordVectors().dims);
    const z = Float64Array.from(model.bias);
    tf.keys.forEach((k, j) => {
      const row = model.rows.get(k);
      if (row) for (let c = 0; c < z.length; c++) z[c]! += row[c]! * tf.vals[j]!;
    });
    const expected = softmax(z, model.temperature);
    const got = new Map(classifyTopics(analyse(input)).map((c) => [c.code, c.p]));
    model.classes.forEach((code, c) => expect(got.get(code)).toBeCloseTo(expected[c]!, 5));
  });

  it("reads a pooled feature the build pruned whole as zeros, and refuses a model made for longer vectors", () => {
    const doc = () => analyse({ headline: "Lakers rout Nuggets behind James's triple-double", bodyText: "" });
    const { "v:99": last, ...rest } = modelFile.weights;
    expect(last).toBeDefined();
    const pruned = loadTopicModel({ ...modelFile, weights: rest });
    const zeroed = loadTopicModel({ ...modelFile, weights: { ...rest, "v:99": [0, 0] } });
    expect(pruned.pooling).toBe(true);
    const p = classifyTopics(doc(), [], pruned);
    const z = new Map(classifyTopics(doc(), [], zeroed).map((c) => [c.code, c.p]));
    for (const c of p) expect(c.p).toBeCloseTo(z.get(c.code)!, 9);
    const longer = loadTopicModel({ ...modelFile, weights: { ...modelFile.weights, "v:150": [0, 1000] } });
    expect(() => classifyTopics(doc(), [], longer)).toThrow(/151 pooled features for word vectors of 100 dimensions/);
  });

  it("pools nothing from copy in another language, labelled or plainly in Cyrillic", () => {
    const fr = analyse({ headline: "Le gouvernement annonce un plan", bodyText: "Le ministre a présenté le plan mardi.", language: "fr" });
    expect(topicFeatures(fr).pooled.rows).toHaveLength(0);
    const uk = analyse({ headline: "Поліція затримала підозрюваного", bodyText: "У Львові поліцейські затримали чоловіка." });
    expect(uk.foreign).toBe(true);
    expect(analyse({ headline: "Police arrest a suspect in Lviv", bodyText: "Officers detained a man on Tuesday." }).foreign).toBeUndefined();
  });

  it("the shipped vectors put words of a subject near each other", () => {
    expect(cosine("quarterback", "touchdown")).toBeGreaterThan(cosine("quarterback", "inflation") + 0.3);
    expect(cosine("chipmaker", "semiconductor")).toBeGreaterThan(cosine("chipmaker", "wildfire") + 0.3);
  });
});

describe("word-vectors.json", () => {
  const file = (over: Partial<WordVectorsFile>): WordVectorsFile => ({
    version: 1,
    dims: 2,
    words: "alpha\nbeta",
    scales: [0.01, 0.02],
    data: Buffer.from(Int8Array.from([127, -127, 50, 0]).buffer).toString("base64"),
    source: "test",
    ...over,
  });

  it("decodes each word's bytes with its scale", () => {
    const v = loadWordVectors(file({}));
    expect(v.index.get("beta")).toBe(1);
    expect(v.bytes[2]! * v.scales[1]!).toBeCloseTo(1.0, 6);
  });

  it("refuses a file whose bytes, scales and words disagree, saying which", () => {
    expect(() => loadWordVectors(file({ scales: [0.01] }))).toThrow(/one scale per word/);
    expect(() => loadWordVectors(file({ data: Buffer.from([1, 2, 3]).toString("base64") }))).toThrow(/3 bytes for 2 words of 2 dimensions/);
  });
});

describe("npm run vectors:build", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-vectors-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = path.resolve(import.meta.dirname, "../../..");
  const build = (input: string, ...args: string[]) => {
    const from = path.join(dir, "glove.txt");
    const out = path.join(dir, "out.json");
    writeFileSync(from, input);
    execFileSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/build-word-vectors.ts"), "--from", from, "--out", out, ...args], { cwd: root, stdio: "pipe" });
    return loadWordVectors(JSON.parse(readFileSync(out, "utf8")) as WordVectorsFile);
  };

  it("keeps the most frequent words of letters, folded as the tokenizer folds them, the first of two alike", () => {
    const v = build(["the 0.5 -0.25", ", 0.1 0.1", "Café 1 0", "cafe 0 1", "covid-19 1 1", "kyiv -2 1", "rare 1 1"].join("\n"), "--words", "3");
    expect([...v.index.keys()]).toEqual(["the", "cafe", "kyiv"]);
    const cafe = v.index.get("cafe")!;
    expect(v.bytes[cafe * 2]! * v.scales[cafe]!).toBeCloseTo(1, 2);
    expect(v.bytes[cafe * 2 + 1]).toBe(0);
    const kyiv = v.index.get("kyiv")!;
    expect(v.bytes[kyiv * 2]! * v.scales[kyiv]!).toBeCloseTo(-2, 2);
  });

  it("names the line a broken file breaks on", () => {
    let message = "";
    try {
      build("the 0.5 -0.25\nof 0.1 x\n");
    } catch (e) {
      message = String((e as { stderr?: Buffer }).stderr);
    }
    expect(message).toMatch(/line 2: not a word and 2 numbers/);
  });
});
