// Inputs for comparing the bulk ingest path with the per-item one: wire
// stories from a seeded generator, and the copies, rewrites, roundups,
// updates, re-sends, late versions, corrections, tagged items and repeated
// uris that make ingest take each of its turns.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { IngestInput } from "../../lib/server/ingest/run-ingest";
import { bytes, rss } from "./feeds";

/** mulberry32: the same texts on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ["France", "Germany", "Brazil", "Japan", "Kenya", "Canada", "Spain", "India", "Norway", "Chile", "Egypt", "Poland"];
/** Single words the topic engine reads (economy, politics, sport, weather…). */
const CUES = ["inflation", "election", "parliament", "strike", "football", "floods", "vaccine", "court", "refinery", "budget", "tariffs", "earthquake"];

const SYLLABLES = ["ka", "lo", "mer", "tan", "vi", "so", "ru", "pel", "dor", "ine", "ba", "qua", "sen", "to", "mi", "gar", "el", "fo", "zun", "ham"];

/** A made-up word: unrelated stories share few runs of words, as unrelated wire copy does. */
function word(r: () => number): string {
  let w = "";
  for (let i = 0, n = 2 + Math.floor(r() * 2); i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

function sentence(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const words = (n: number) => Array.from({ length: n }, () => word(r)).join(" ");
  const n = Math.floor(r() * 9000) + 100;
  return `${cap(word(r))} ${cap(word(r))} in ${pick(PLACES)} ${words(3)} ${pick(CUES)} ${words(6)}, ${n.toLocaleString("en-US")} ${words(2)} ${pick(CUES)} ${words(3)}.`;
}

export interface Story {
  guid: string;
  title: string;
  body: string;
  pubDate: string;
}

export function wireStories(n: number, seed = 15): Story[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const paras = Array.from({ length: 3 + Math.floor(r() * 3) }, () => `${sentence(r)} ${sentence(r)}`);
    return {
      guid: `wire-${i + 1}`,
      title: `Wire story ${i + 1}: ${paras[0]!.split(",")[1]!.trim()}`,
      body: paras.join("\n\n"),
      pubDate: new Date(Date.UTC(2026, 10, 1, 6 + i)).toUTCString(),
    };
  });
}

const ninjs = (o: Record<string, unknown>) => JSON.stringify(o);
const text = (name: string, s: string): IngestInput => ({ name, read: async () => bytes(s) });
const fixture = (p: string): IngestInput => ({
  name: path.basename(p),
  read: async () => readFileSync(path.join(import.meta.dirname, "../fixtures", p)),
});

/** Inputs in the order they are ingested; each is its own run. */
export function comparisonInputs(): IngestInput[] {
  const wire = wireStories(40);
  const near = (s: Story) => {
    const w = s.body.split(" ");
    w[4] = "altered";
    w[w.length - 3] = "changed";
    return w.join(" ");
  };
  const rewrite = (s: Story) => {
    const paras = s.body.split("\n\n");
    return [paras[1], paras[0], "A local trader said the decision would hit small businesses hardest, and the chamber of commerce agreed.", ...paras.slice(2)].join("\n\n");
  };
  const copies = [
    // the same text under another uri and source: exact copies
    ...wire.slice(0, 5).map((s, i) => ninjs({ uri: `post-exact-${i}`, headline: s.title, body_text: s.body, infosources: [{ name: "Capital Post" }], versioncreated: "2026-11-03T09:00:00Z" })),
    // lightly edited: near copies
    ...wire.slice(5, 10).map((s, i) => ninjs({ uri: `post-near-${i}`, headline: `${s.title} (edited)`, body_text: near(s), infosources: [{ name: "Capital Post" }], versioncreated: "2026-11-03T10:00:00Z" })),
    // reordered with a local angle: rewrites
    ...wire.slice(10, 13).map((s, i) => ninjs({ uri: `herald-rewrite-${i}`, headline: `Herald: ${s.title}`, body_text: rewrite(s), infosources: [{ name: "Evening Herald" }] })),
    // a roundup carrying two stories whole
    ninjs({ uri: "brief-roundup", headline: "Morning briefing", body_text: ["Here is what you need to know.", wire[14]!.body, wire[15]!.body, "That is all for today."].join("\n\n"), infosources: [{ name: "Morning Brief" }] }),
    // a uri repeated within one batch: the second text updates the first
    ninjs({ uri: "post-twice", headline: "Port strike spreads", body_text: wire[20]!.body.replace(/in /g, "at "), infosources: [{ name: "Capital Post" }], versioncreated: "2026-11-03T11:00:00Z" }),
    ninjs({ uri: "post-twice", headline: "Port strike spreads to second city", body_text: `${wire[20]!.body.replace(/in /g, "at ")}\n\nThe strike reached the northern port by nightfall.`, infosources: [{ name: "Capital Post" }], versioncreated: "2026-11-03T12:00:00Z" }),
    // tagged copy keeps its tags (a Media Topic, a country, an unknown newsroom label carried)
    ninjs({
      uri: "tagged-1",
      headline: "Budget vote set for Thursday",
      body_text: wire[25]!.body,
      infosources: [{ name: "Capital Post" }],
      subjects: [{ uri: "http://cv.iptc.org/newscodes/mediatopic/04000000", name: "economy" }, { uri: "newsroom:budget-watch", name: "Budget watch" }],
      places: [{ code: "cl", name: "Chile" }],
    }),
    // an item carrying its own status
    ninjs({ uri: "reviewed-1", headline: "Already reviewed", body_text: wire[26]!.body.split("\n\n").reverse().join("\n\n"), status: "reviewed", infosources: [{ name: "Capital Post" }] }),
    // a late exact copy of a story that is a story already (joins it)
    ninjs({ uri: "late-copy", headline: wire[0]!.title, body_text: wire[0]!.body, infosources: [{ name: "Morning Brief" }] }),
    // no body: fails validation, alone
    ninjs({ uri: "empty-1", headline: "Nothing here", body_text: " " }),
  ];
  const gazette = (headline: string, body: string) => ninjs({ headline, body_text: body, infosources: [{ name: "Harbour Gazette" }] });
  const later = [
    // the same uri with a newer version and a new text: an update
    ninjs({ uri: "wire-3", headline: `${wire[2]!.title} (updated)`, body_text: `${wire[2]!.body}\n\nMore details emerged later in the day.`, infosources: [{ name: "Meridian Wire" }], versioncreated: "2026-11-05T10:00:00Z" }),
    // re-sent unchanged, and an older version arriving late: skipped
    ninjs({ uri: "wire-4", headline: wire[3]!.title, body_text: wire[3]!.body, infosources: [{ name: "Meridian Wire" }] }),
    ninjs({ uri: "wire-5", headline: `${wire[4]!.title} (first draft)`, body_text: `Draft. ${wire[4]!.body}`, infosources: [{ name: "Meridian Wire" }], versioncreated: "2020-01-01T00:00:00Z" }),
    // a scraped page fixed in place: a new derived uri, a corrected figure, the same source
    gazette("Ferry adds night crossings", wire[30]!.body),
    gazette("Ferry adds late-night crossings", wire[30]!.body.replace(/\d,\d{3}/, "9,999")),
    // fresh stories after all that
    ...wire.slice(33).map((s) => ninjs({ uri: `agency-${s.guid}`, headline: s.title, body_text: s.body.split("\n\n").slice(1).join("\n\n"), infosources: [{ name: "Agency" }] })),
  ];
  return [
    text("wire.xml", rss("Meridian Wire", wire)),
    text("copies.ndjson", copies.join("\n")),
    text("later.ndjson", later.join("\n")),
    fixture("pages/seed-aggregator.txt"),
    fixture("pages/aggregator-newsloop.txt"),
    fixture("feeds/ninjs.ndjson"),
    fixture("feeds/rss2.xml"),
    fixture("feeds/atom.xml"),
    fixture("feeds/jsonfeed.json"),
  ];
}
