// A broken feed is read item by item, each inside the feed's header: found by
// the fuzzing harness, 10,000 unclosed items behind a 200 KB title took over
// a minute. Past a bound the feed is refused whole, with a short message.
import { describe, expect, it } from "vitest";

import { parseInput } from "../../../lib/ingest";
import { IngestInputError } from "../../../lib/ingest/types";
import { opts } from "./helpers";

describe("a broken feed with many items behind a huge header", () => {
  it("is refused whole, quickly, with a message of bounded length", () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>A${" ".repeat(200_000)}B</title>${"<item><title>x".repeat(10_000)}`;
    const started = performance.now();
    let error: unknown;
    try {
      parseInput(new TextEncoder().encode(feed), opts("nested.xml"));
    } catch (e) {
      error = e;
    }
    // Generous: the bounded work is well under a second even on a busy machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(IngestInputError);
    const message = (error as Error).message;
    expect(message).toMatch(/^nested\.xml: malformed XML at line 1: .*; its 10000 items are too many to read one by one behind a 200\d\d\d-character header$/s);
    expect(message.length).toBeLessThan(1_000);
  });

  it("a broken feed of a few items is still read item by item", () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title><description>The harbour ferry will run every twenty minutes from Monday.</description><guid>a</guid></item><item><title>Two<description>broken</item></channel></rss>`;
    const result = parseInput(new TextEncoder().encode(feed), opts("few.xml"));
    expect(result.articles.map((a) => a.headline)).toEqual(["One"]);
    expect(result.errors).toHaveLength(1);
  });
});
