// One story arriving in different formats must come out the same: same
// body, same dateline, same content hash.
import { describe, expect, it } from "vitest";
import { parseInput } from "../../../lib/ingest";
import { contentHash } from "../../../lib/ingest/text";

const opts = (name: string) => ({ name, ingestTime: new Date("2026-11-28T12:00:00Z") });
const enc = (s: string) => new TextEncoder().encode(s);
const story =
  "CHENNAI (Meridian) — Heavy rain flooded low-lying parts of Chennai on Tuesday, and schools across the city were shut as the monsoon intensified.";

describe("a story's dateline, whatever the format", () => {
  const rss = parseInput(
    enc(`<?xml version="1.0"?><rss version="2.0"><channel><title>Meridian Wire</title>
      <item><guid>m-1</guid><title>Chennai floods</title><description>&lt;p&gt;${story}&lt;/p&gt;</description></item>
    </channel></rss>`),
    opts("wire.xml"),
  ).articles[0]!;
  const ninjs = parseInput(enc(JSON.stringify({ uri: "n-1", headline: "Chennai floods", body_text: story })), opts("item.json")).articles[0]!;
  const json = parseInput(
    enc(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Herald", items: [{ id: "j-1", title: "Chennai floods", content_text: story }] })),
    opts("feed.json"),
  ).articles[0]!;
  const page = parseInput(enc(`Chennai floods\n${story}\n`), opts("page.txt")).articles[0]!;

  it("is taken out of the body into its own field", () => {
    for (const a of [rss, ninjs, json, page]) {
      expect(a.dateline).toBe("CHENNAI");
      expect(a.credit).toBe("Meridian");
      expect(a.bodyText.startsWith("Heavy rain flooded")).toBe(true);
    }
  });

  it("leaves every copy with the same content hash", () => {
    expect(new Set([rss, ninjs, json, page].map((a) => contentHash(a.bodyText))).size).toBe(1);
  });

  it("keeps a dateline the input gave, and still cleans the body", () => {
    const a = parseInput(enc(JSON.stringify({ uri: "n-2", headline: "Chennai floods", located: "Chennai, India", body_text: story })), opts("x.json")).articles[0]!;
    expect(a.dateline).toBe("Chennai, India");
    expect(a.bodyText.startsWith("Heavy rain")).toBe(true);
  });
});
