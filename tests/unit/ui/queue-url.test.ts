import { describe, expect, it } from "vitest";
import { filtersFromParams, narrowing, queueHref, queueParams } from "@/lib/ui/queue-url";

describe("the queue's URL", () => {
  it("opens on New: no status means new, and all is spelt out", () => {
    expect(filtersFromParams(new URLSearchParams("")).status).toBe("new");
    expect(filtersFromParams(new URLSearchParams("status=all")).status).toBeUndefined();
    expect(filtersFromParams(new URLSearchParams("status=spiked")).status).toBe("spiked");
    expect(queueHref({ status: "new" })).toBe("/");
    expect(queueHref({})).toBe("/?status=all");
    expect(queueHref({ status: "reviewed", place: "ES" })).toBe("/?place=ES&status=reviewed");
  });

  it("reads what it writes, for every filter", () => {
    const f = { status: "reviewed", q: 'madrid -football "a phrase"', place: "ES,FR", topic: "medtop:02000000", source: "Reuters", range: "7d", duplicates: "yes", view: "articles", sort: "published" } as const;
    expect(filtersFromParams(queueParams(f))).toEqual(f);
    expect(filtersFromParams(queueParams({ status: "new" }))).toEqual({ status: "new" });
  });

  it("drops what is not valid and keeps the rest, so a bad link still shows a queue", () => {
    const f = filtersFromParams(new URLSearchParams("place=Spain&topic=medtop:02000000&range=forever&status=bogus"));
    expect(f).toEqual({ topic: "medtop:02000000" });
  });

  it("takes a server page's search params as well as the browser's", () => {
    expect(filtersFromParams({ place: "ES", q: ["a", "b"], status: undefined })).toEqual({ place: "ES", status: "new" });
  });

  it("counts status, view and sort as not narrowing the queue", () => {
    expect(narrowing({ status: "new", view: "articles", sort: "published" })).toBe(false);
    expect(narrowing({ status: "new", place: "ES" })).toBe(true);
  });
});
