// A large NDJSON file read in parts (inputs.ts): every part within the limit,
// cut at line ends, the parts together the whole file, and each part's first
// line the file's line number.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toInputs } from "../../../lib/server/ingest/inputs";

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-parts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const limits = (maxBytes: number) => ({ maxBytes, timeoutMs: 1000, allowPrivate: false });
const line = (i: number, extra = "") => JSON.stringify({ uri: `u-${i}`, headline: `Story ${i}`, body_text: `Body of story ${i}. ${extra}` });

describe("NDJSON files over the part size", () => {
  it("are read in parts within the limit, cut at line ends, the file whole, lines numbered as the file's", async () => {
    // Lines of uneven length, a blank line and a CRLF among them.
    const lines = Array.from({ length: 400 }, (_, i) => line(i, "x".repeat((i * 37) % 300)));
    lines[50] = "";
    lines[51] = `${lines[51]}\r`;
    const file = path.join(dir, "archive.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const whole = readFileSync(file);
    const inputs = toInputs([file], limits(10_000));
    expect(inputs.length).toBeGreaterThan(5);
    const parts: Buffer[] = [];
    for (const [k, input] of inputs.entries()) {
      expect(input.name).toBe(`${file} (part ${k + 1} of ${inputs.length})`);
      expect(input.part?.file).toBe(file);
      const bytes = Buffer.from(await input.read());
      expect(bytes.length).toBeLessThanOrEqual(10_000);
      expect(bytes.at(-1)).toBe(10);
      // The part's first line is the file's line of that text.
      const first = await input.part!.firstLine();
      const before = Buffer.concat(parts).toString("utf8").split("\n").length;
      expect(first).toBe(before);
      expect(bytes.toString("utf8").split("\n")[0]).toBe(lines[first - 1]);
      parts.push(bytes);
    }
    expect(Buffer.concat(parts).equals(whole)).toBe(true);
  });

  it("puts a line over the limit in a part of its own, which refuses it by its line number", async () => {
    const lines = Array.from({ length: 100 }, (_, i) => line(i));
    lines[40] = line(40, "y".repeat(20_000));
    const file = path.join(dir, "long-line.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const inputs = toInputs([file], limits(5_000));
    const outcomes = [];
    for (const input of inputs) outcomes.push(await input.read().then((b) => Buffer.from(b).toString("utf8"), (e: Error) => e));
    const refused = outcomes.filter((o) => o instanceof Error);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toMatch(/^line 41 is \d+ bytes, over the 5000-byte input limit$/);
    // Every other line is in exactly one part.
    const read = outcomes.filter((o): o is string => typeof o === "string").join("").split("\n").filter(Boolean);
    expect(read).toEqual(lines.filter((_, i) => i !== 40));
  });

  it("leaves small files, and large files that are not NDJSON, whole", () => {
    const small = path.join(dir, "small.ndjson");
    writeFileSync(small, `${line(1)}\n${line(2)}\n`);
    expect(toInputs([small], limits(5_000)).map((i) => [i.name, i.part])).toEqual([[small, undefined]]);
    const array = path.join(dir, "array.json");
    writeFileSync(array, JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ uri: `a-${i}`, headline: "h", body_text: "b" })), null, 1));
    expect(toInputs([array], limits(5_000)).map((i) => i.part)).toEqual([undefined]);
    const feed = path.join(dir, "feed.xml");
    writeFileSync(feed, `<rss><channel>${"<item><title>t</title></item>\n".repeat(500)}</channel></rss>`);
    expect(toInputs([feed], limits(5_000)).map((i) => i.part)).toEqual([undefined]);
  });
});
