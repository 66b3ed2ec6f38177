// What reading a large feed holds: a 10 MiB RSS feed of CDATA bodies is read
// within a 120 MiB heap, in a worker thread limited to it (the parser
// thread's case). Masking CDATA character by character once held a rope of
// 32 bytes a character: the same feed then needed 300 to 600 MiB.
import { describe, expect, it } from "vitest";
import { EnginePool } from "../../../lib/server/ingest/bulk/engine-pool";

const MiB = 2 ** 20;

function cdataFeed(bytes: number): { doc: Buffer; items: number } {
  const words = "Madrid Kyiv minister police court election market league parliament rally".split(" ");
  const out = ['<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>\n'];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const body = Array.from({ length: 280 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(" ");
    const item = `<item><guid>g${i}</guid><title>Story ${i}</title>\n<description><![CDATA[<p>${body}.</p>\n<p>${body}.</p>]]></description></item>\n`;
    out.push(item);
    size += item.length;
    i++;
  }
  out.push("</channel></rss>\n");
  return { doc: Buffer.from(out.join("")), items: i };
}

describe("reading a large feed", () => {
  it("reads a 10 MiB feed of CDATA bodies in a thread of 120 MiB heap", async () => {
    const { doc, items } = cdataFeed(10 * MiB);
    const failures: string[] = [];
    const pool = new EnginePool(1, undefined, { heapMb: 120, onFail: (e) => failures.push(e.message) });
    try {
      const parsed = await pool.parse(doc, { name: "big.xml", ingestTime: new Date("2026-12-06T00:00:00Z"), maxBytes: 20 * MiB });
      expect(failures).toEqual([]);
      expect(parsed.format).toBe("rss");
      expect(parsed.articles).toHaveLength(items);
      expect(parsed.articles.at(-1)?.headline).toBe(`Story ${items - 1}`);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
