import { describe, expect, it } from "vitest";

import { isAgeLine, parseAgeLine, parseRelativeAge } from "../../../lib/ingest/age";
import { DAY, HOUR, INGEST_TIME } from "./helpers";

const ago = (ms: number) => new Date(INGEST_TIME.getTime() - ms);

describe("parseRelativeAge", () => {
  it.each([
    ["10 hours ago", 10 * HOUR],
    ["an hour ago", HOUR],
    ["a day ago", DAY],
    ["yesterday", DAY],
    ["5 days ago", 5 * DAY],
    ["3 weeks ago", 21 * DAY],
    ["45 minutes ago", 45 * 60_000],
    ["a minute ago", 60_000],
    ["2 months ago", 60 * DAY],
    ["1 year ago", 365 * DAY],
    ["5d ago", 5 * DAY],
    ["3h ago", 3 * HOUR],
    ["Updated 2 hours ago", 2 * HOUR],
    ["  A Day Ago  ", DAY],
    ["just now", 0],
  ])("%s", (text, ms) => {
    expect(parseRelativeAge(text, INGEST_TIME)).toEqual(ago(ms));
  });

  it.each(["ago", "hours ago", "Comments", "10 hours", "in 3 days", "a day ago and more", "Express Tribune", ""])(
    "rejects %j",
    (text) => {
      expect(parseRelativeAge(text, INGEST_TIME)).toBeUndefined();
    },
  );
});

describe("parseAgeLine", () => {
  it("reads an absolute date that is the whole line", () => {
    const d = parseAgeLine("June 8, 2025", INGEST_TIME);
    expect(d?.getFullYear()).toBe(2025);
    expect(d?.getMonth()).toBe(5);
    expect(d?.getDate()).toBe(8);
  });

  it("does not take a sentence or a name that mentions a date", () => {
    expect(parseAgeLine("Talks resume on June 8, 2025 in Geneva", INGEST_TIME)).toBeUndefined();
    expect(parseAgeLine("Monday", INGEST_TIME)).toBeUndefined();
    expect(isAgeLine("Business Recorder")).toBe(false);
    expect(isAgeLine("- Business Recorder")).toBe(false);
    expect(isAgeLine("5 days ago")).toBe(true);
  });
});
