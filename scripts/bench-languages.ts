// npm run bench:languages -- --wikinews FILE [--hold-out-only]
// Copy in another language against English copy of the same kind, measured
// on Wikinews articles (CC BY 2.5) in English and French that carry the
// English page's categories: a JSON Lines file of {lang, id, title, text,
// categories}, where id is the English page id, so one id in two languages
// is one event. The file is read from outside the repository (--wikinews
// FILE or $WIREDESK_WIKINEWS_ML); decision 024 says where it comes from.
//
// Per language, on the same measures:
//   - language identification: the stored language against the set's;
//   - topics: the top suggested top-level IPTC topic is right when it is one
//     the article's Wikinews categories name (CATEGORY_TOPICS);
//   - places: the tagged countries (main, and mentions at the tag threshold)
//     against the country categories, over the countries the set labels;
//   - across languages: every English-French pair of articles, all taken as
//     published at the same hour (the set has no dates, so the time window
//     rules nothing out and precision is measured at its hardest), linked by
//     the same-story rule or not; the pairs that share an id are the positives.
//     A name common in the set's copy in either article's language counts as
//     it does at ingest, where the window is two days of copy (the whole set
//     stands for the window here).
// Nothing was tuned on this set; its ids are split in two halves by parity
// so that a later change tuned on the first can be judged on the second.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { suggestTags, topLevelOf, type TagInput } from "../lib/tagging/index";
import { MENTION_TAG_CONFIDENCE } from "../lib/tagging/thresholds";
import { AcrossLanguagesIndex, matchAcrossLanguages, survivors } from "../lib/dedup/across-languages";
import { identifyLanguage, loadLanguageDetector } from "../lib/ingest/language";
import { withDateline } from "../lib/ingest/body";

/** Wikinews top categories and the top-level Media Topics an editor would file them under. */
export const CATEGORY_TOPICS: Record<string, string[]> = {
  "Crime and law": ["medtop:02000000"],
  "Politics and conflicts": ["medtop:11000000", "medtop:16000000"],
  Elections: ["medtop:11000000"],
  "Disasters and accidents": ["medtop:03000000"],
  "Culture and entertainment": ["medtop:01000000"],
  "Economy and business": ["medtop:04000000"],
  // Transport sits under economy in the Media Topics; its news here is mostly crashes.
  Transport: ["medtop:04000000", "medtop:03000000"],
  "Science and technology": ["medtop:13000000"],
  Space: ["medtop:13000000"],
  Health: ["medtop:07000000"],
  Sports: ["medtop:15000000"],
};

/** Country categories and their ISO 3166 codes. */
export const CATEGORY_COUNTRIES: Record<string, string> = {
  "United States": "US",
  "United Kingdom": "GB",
  France: "FR",
  Italy: "IT",
  China: "CN",
  Russia: "RU",
  Canada: "CA",
};

interface Row {
  lang: string;
  id: number;
  title: string;
  text: string;
  categories: string[];
}

interface Counts {
  n: number;
  langRight: number;
  topicN: number;
  topicRight: number;
  tp: number;
  fp: number;
  fn: number;
}

const empty = (): Counts => ({ n: 0, langRight: 0, topicN: 0, topicRight: 0, tp: 0, fp: 0, fn: 0 });
const f3 = (x: number) => x.toFixed(3);

function read(file: string): Row[] {
  const rows: Row[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const r = JSON.parse(line) as Partial<Row>;
        if (typeof r.lang !== "string" || typeof r.id !== "number" || typeof r.text !== "string") throw new Error("needs lang, id and text");
        rows.push({ lang: r.lang, id: r.id, title: r.title ?? "", text: r.text, categories: Array.isArray(r.categories) ? r.categories : [] });
      } catch (e) {
        console.error(`${file}:${i + 1}: skipped: ${(e as Error).message}`);
      }
    });
  return rows;
}

/** The item as ingest hands it to the tagger: dateline moved out of the body, language as detected (not the set's label). */
function input(r: Row) {
  const language = identifyLanguage({ headline: r.title, bodyText: r.text }).code;
  return withDateline({ headline: r.title, bodyText: r.text, ...(language ? { language } : {}) } as TagInput);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { wikinews: { type: "string", multiple: true } } });
  const files = values.wikinews ?? process.env.WIREDESK_WIKINEWS_ML?.split(path.delimiter).filter(Boolean) ?? [];
  const gone = files.filter((f) => !existsSync(f));
  if (!files.length || gone.length) {
    console.error(`Wikinews set not found${gone.length ? ` at ${gone.join(", ")}` : ""}: give --wikinews FILE (again for each file) or set WIREDESK_WIKINEWS_ML (decision 024 says how to get it)`);
    return 2;
  }
  await loadLanguageDetector();
  const all = files.flatMap(read);
  // Topics and places where the set labels them; the unlabelled rows still count across languages.
  const rows = all.filter((r) => (r.lang === "en" || r.lang === "fr") && r.categories.length);
  const half = (r: Row) => (r.id % 2 === 0 ? "first" : "second");
  const by = new Map<string, Counts>();
  const at = (k: string) => by.get(k) ?? (by.set(k, empty()), by.get(k)!);
  for (const r of rows) {
    for (const c of [at(`${r.lang} all`), at(`${r.lang} ${half(r)}`)]) {
      const { topics, places } = suggestTags(input(r));
      c.n++;
      if (identifyLanguage({ headline: r.title, bodyText: r.text }).code === r.lang) c.langRight++;
      const gold = new Set(r.categories.flatMap((x) => CATEGORY_TOPICS[x] ?? []));
      if (gold.size) {
        c.topicN++;
        const top = topics.find((t) => t.scheme === "medtop" && t.level === 1);
        if (top && gold.has(topLevelOf(top.code) ?? top.code)) c.topicRight++;
      }
      const labelled = new Set(Object.values(CATEGORY_COUNTRIES));
      const goldPlaces = new Set(r.categories.flatMap((x) => CATEGORY_COUNTRIES[x] ?? []));
      const got = new Set(
        places.filter((p) => labelled.has(p.code) && (p.rel === "main" || p.confidence >= MENTION_TAG_CONFIDENCE)).map((p) => p.code),
      );
      for (const p of got) if (goldPlaces.has(p)) c.tp++; else c.fp++;
      for (const p of goldPlaces) if (!got.has(p)) c.fn++;
    }
  }
  console.log(`Wikinews in English and French: ${rows.length} articles`);
  console.log(`  set            articles  language  topic acc (n)        place P / R / F1 (${Object.values(CATEGORY_COUNTRIES).join(" ")})`);
  const f1 = (c: Counts) => (2 * c.tp) / Math.max(1, 2 * c.tp + c.fp + c.fn);
  for (const k of ["en all", "fr all", "en first", "fr first", "en second", "fr second"]) {
    const c = at(k);
    console.log(
      `  ${k.padEnd(14)} ${String(c.n).padStart(8)}  ${f3(c.langRight / Math.max(1, c.n))}     ${f3(c.topicRight / Math.max(1, c.topicN))} (${c.topicN})`.padEnd(
        55,
      ) + `  ${f3(c.tp / Math.max(1, c.tp + c.fp))} / ${f3(c.tp / Math.max(1, c.tp + c.fn))} / ${f3(f1(c))}`,
    );
  }
  const en = at("en all");
  const fr = at("fr all");
  const dTopic = 100 * (fr.topicRight / fr.topicN - en.topicRight / en.topicN);
  const dPlace = 100 * (f1(fr) - f1(en));
  const mark = (d: number) => (d >= -5 ? "goal met" : "goal missed");
  console.log(`  French against English: topics ${dTopic.toFixed(1)} points [goal within 5: ${mark(dTopic)}], places F1 ${dPlace.toFixed(1)} points [${mark(dPlace)}]`);

  // Across languages: every pair of articles in two languages (Italian too: the rule reads names and figures, not words).
  const seen = new Set<string>();
  const docs = all
    .filter((r) => ["en", "fr", "it"].includes(r.lang) && !seen.has(`${r.lang} ${r.id}`) && seen.add(`${r.lang} ${r.id}`))
    .map((r) => ({ r, s: survivors(r.title, r.text) }));
  // What is common is judged as ingest judges it, against the other copy's language; here the whole set is the window.
  const window = new AcrossLanguagesIndex<number>();
  docs.forEach((d, i) => window.add(i, d.r.lang, d.s));
  const common = new Map(["en", "fr", "it"].map((l) => [l, window.common(l)]));
  const tally = new Map<string, { pos: number; tp: number; fp: number }>();
  let compared = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  const show = (a: Row, b: Row) => `${a.lang} ${JSON.stringify(a.title.slice(0, 48))} ~ ${b.lang} ${JSON.stringify(b.title.slice(0, 48))}`;
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++) {
      const [a, b] = [docs[i]!, docs[j]!];
      if (a.r.lang === b.r.lang) continue;
      compared++;
      const same = a.r.id === b.r.id;
      const [ca, cb] = [common.get(a.r.lang)!, common.get(b.r.lang)!];
      const m = matchAcrossLanguages(a.s, b.s, 0, (k) => ca(k) || cb(k));
      // Each pair counts for its languages, and for a half when both its articles' ids fall in it.
      const keys = [[a.r.lang, b.r.lang].sort().join("-")];
      if (half(a.r) === half(b.r)) keys.push(`all, ${half(a.r)} half`);
      for (const key of keys) {
        const t = tally.get(key) ?? (tally.set(key, { pos: 0, tp: 0, fp: 0 }), tally.get(key)!);
        if (same) t.pos++;
        if (m && same) t.tp++;
        else if (m) t.fp++;
      }
      if (m && !same) wrong.push(show(a.r, b.r));
      else if (same && !m) missed.push(show(a.r, b.r));
    }
  console.log(`\nSame story across languages: every pair of ${docs.length} articles in two languages, all as if of the same hour (common names judged over the whole set)`);
  const pairs = [...tally].filter(([k]) => !k.startsWith("all"));
  const sum = pairs.reduce((x, [, t]) => ({ pos: x.pos + t.pos, tp: x.tp + t.tp, fp: x.fp + t.fp }), { pos: 0, tp: 0, fp: 0 });
  for (const [k, t] of [...pairs.sort(), ["all", sum] as const, ...[...tally].filter(([k]) => k.startsWith("all,")).sort()])
    console.log(`  ${k.padEnd(16)} ${String(t.pos).padStart(3)} pairs of one event; linked ${t.tp + t.fp}: precision ${f3(t.tp / Math.max(1, t.tp + t.fp))}  recall ${f3(t.tp / Math.max(1, t.pos))}`);
  console.log(`  [goal recall ≥ 0.80 at precision ≥ 0.95]`);
  for (const m of missed) console.log(`  missed: ${m}`);
  for (const w of wrong.slice(0, 20)) console.log(`  wrongly linked: ${w}`);
  if (wrong.length > 20) console.log(`  … and ${wrong.length - 20} more wrongly linked`);
  console.log(
    `  ${wrong.length} wrong links in ${compared.toLocaleString("en")} pairs compared: ${((1e6 * wrong.length) / Math.max(1, compared)).toFixed(0)} a million (a desk compares a copy only with the other languages' copy of the 48 hours around it)`,
  );
  return 0;
}

main().then((code) => process.exit(code));
