// Reading the topic model's data, shared by scripts/build-topic-model.ts and
// scripts/bench-tagging.ts so that both split it the same way. Nothing of
// the data is in the repository; the folder is given by --topic-data or
// WIREDESK_TOPIC_DATA and holds:
//   current-events/*.md   Wikipedia's Current events portal, one file per day
//                         (the docs/_posts folder of github.com/fordred/wikinews), CC BY-SA 4.0
//   huffpost/News_Category_Dataset_v3.json
//                         HuffPost headlines and short descriptions with their section, one JSON
//                         object a line (Misra, "News Category Dataset", arXiv:2209.11429), CC BY 4.0
//   current-events-archive/YYYY/MM/YYYY-MM-DD.yaml
//                         the portal's older pages, 2002-2026, one YAML file a day (Date, Source_URI,
//                         Intelligence_Payload: heading -> lines), as kept by github.com/ianrastall/current-events-context
//                         (the repository says CC0 and MIT; the text is Wikipedia's, CC BY-SA); training only
//   wikinews/*.csv        English Wikinews articles of 2019 and 2020, columns url,date,title,text
//                         (the data folder of github.com/vanatteveldt/wikinews), CC BY 2.5
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import mapping from "../lib/tagging/data/topic-mapping.json";
import { analyse } from "../lib/tagging/doc";
import { cueTopicScores } from "../lib/tagging/topics";

export const TOPIC_DATA_HELP = `a folder with current-events/*.md (Wikipedia Current events portal, one file a day:
                 docs/_posts of github.com/fordred/wikinews), current-events-archive/YYYY/MM/*.yaml (the portal's
                 older pages: github.com/ianrastall/current-events-context), huffpost/News_Category_Dataset_v3.json
                 (Misra's News Category Dataset, one JSON object a line) and wikinews/*.csv
                 (url,date,title,text: data/ of github.com/vanatteveldt/wikinews); default $WIREDESK_TOPIC_DATA`;

export function topicDataDir(given: string | undefined): string {
  const dir = given ?? process.env.WIREDESK_TOPIC_DATA;
  if (!dir) throw new Error(`no topic data folder: give --topic-data DIR or set WIREDESK_TOPIC_DATA (${TOPIC_DATA_HELP})`);
  const abs = path.resolve(dir);
  if (!existsSync(path.join(abs, "current-events"))) throw new Error(`topic data folder ${abs} has no current-events/ folder`);
  return abs;
}

export interface BriefItem {
  /** YYYY-MM-DD of the portal page. */
  date: string;
  /** The section heading, lower-cased. */
  heading: string;
  text: string;
}

interface HeadingRule {
  code?: string;
  split?: string[];
}

const HEADINGS = mapping.headings as Record<string, HeadingRule>;
const ALIASES = mapping.aliases as Record<string, string>;
const HUFFPOST = mapping.huffpost.categories as Record<string, { code?: string; train?: boolean }>;

/** The mapping rule of a portal heading, or undefined for a heading the table does not know. */
export function headingRule(heading: string): HeadingRule | undefined {
  const h = heading.trim().toLowerCase();
  return HEADINGS[ALIASES[h] ?? h];
}

/** Markdown inline text to plain text: links become their text, source citations "[(AP)](url)" go. */
export function plainText(md: string): string {
  let out = "";
  let i = 0;
  while (i < md.length) {
    const c = md[i]!;
    if (c === "[") {
      // Find the matching "]" and a "(" right after it; then the ")" that closes the target (quotes and nested parentheses allowed).
      let depth = 1;
      let j = i + 1;
      for (; j < md.length && depth > 0; j++) {
        if (md[j] === "[") depth++;
        else if (md[j] === "]") depth--;
      }
      if (depth === 0 && md[j] === "(") {
        const text = md.slice(i + 1, j - 1);
        let k = j + 1;
        let paren = 1;
        let inQuote = false;
        for (; k < md.length && paren > 0; k++) {
          const d = md[k];
          if (d === '"') inQuote = !inQuote;
          else if (!inQuote && d === "(") paren++;
          else if (!inQuote && d === ")") paren--;
        }
        const inner = plainText(text);
        // A citation: its text is the source's name in parentheses.
        if (!/^\s*\(.*\)\s*$/.test(inner)) out += inner;
        i = k;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out
    .replace(/\\([\\`*_{}[\]()#+\-.!"'])/g, "$1")
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every news item of the portal pages: the list entries that cite a source, under their section heading. */
export function readCurrentEvents(dir: string): BriefItem[] {
  const folder = path.join(dir, "current-events");
  const files = readdirSync(folder)
    .filter((f) => /^\d{4}-\d{2}-\d{2}.*\.md$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no YYYY-MM-DD*.md files in ${folder}`);
  const items: BriefItem[] = [];
  for (const f of files) {
    const date = f.slice(0, 10);
    let heading = "";
    for (const line of readFileSync(path.join(folder, f), "utf8").split("\n")) {
      const h = /^#{2,6}\s+(.+?)\s*$/.exec(line);
      if (h) {
        heading = h[1]!.toLowerCase();
        continue;
      }
      const li = /^\s*[*+-]\s+(.*)$/.exec(line);
      // Entries without a cited source are the story headings the items hang under.
      if (!li || !heading || !/\[\(/.test(li[1]!)) continue;
      const text = plainText(li[1]!);
      if (text.split(" ").length < 4) continue;
      items.push({ date, heading, text });
    }
  }
  return items;
}

/** The portal's older pages, relative to the data folder. */
export const ARCHIVE_DIR = "current-events-archive";
/**
 * Archive days from this one on are not read. The Wikinews set the bench
 * measures on is of 2019 and 2020: the portal told the same events then, so
 * learning from those years would be learning the test. The archive's labelled
 * pages end in November 2020 anyway (its later pages lost their headings), and
 * the portal's own pages from 2025 on are current-events/.
 */
export const ARCHIVE_BEFORE = "2019-01-01";

/** A portal line that is a news item: it ends with its sources in parentheses, "… (Reuters) (BBC)". */
const CITED = /(?:\s*\([^()]*\))+\s*$/;

/**
 * The news items of the archive's pages before ARCHIVE_BEFORE, under their
 * section heading. Each page is YAML: Intelligence_Payload maps a heading to
 * its lines; a line without sources is a story heading the items hang under
 * (as on the live pages), and its sources are cut off the item. A page with
 * no payload is passed over (the repository's few pages of 2026 rewritten by
 * a language model have none, and are past the date anyway). Throws, naming
 * the file, when the folder is missing or a page is not YAML.
 */
export function readCurrentEventsArchive(dir: string): BriefItem[] {
  const root = path.join(dir, ARCHIVE_DIR);
  if (!existsSync(root)) {
    throw new Error(`topic data folder ${dir} has no ${ARCHIVE_DIR}/ folder (the portal's older pages, YYYY/MM/YYYY-MM-DD.yaml: github.com/ianrastall/current-events-context)`);
  }
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.yaml$/.test(path.basename(f)))
    .sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
  if (files.length === 0) throw new Error(`no YYYY-MM-DD.yaml files under ${root}`);
  const items: BriefItem[] = [];
  for (const f of files) {
    const date = path.basename(f).slice(0, 10);
    if (date >= ARCHIVE_BEFORE) continue;
    const file = path.join(root, f);
    let page: unknown;
    try {
      page = parseYaml(readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`${file}: not YAML: ${(e as Error).message.split("\n")[0]}`);
    }
    const payload = (page as { Intelligence_Payload?: unknown } | null)?.Intelligence_Payload;
    if (!payload || typeof payload !== "object") continue;
    for (const [heading, lines] of Object.entries(payload as Record<string, unknown>)) {
      if (!Array.isArray(lines)) continue;
      for (const line of lines) {
        if (typeof line !== "string") continue;
        const cited = CITED.exec(line);
        if (!cited) continue;
        const text = line.slice(0, cited.index).replace(/\s+/g, " ").trim();
        if (text.split(" ").length < 4) continue;
        items.push({ date, heading: heading.trim().toLowerCase(), text });
      }
    }
  }
  return items;
}

export interface Example {
  item: BriefItem;
  label: string;
}

/** The class an item is trained as, by the mapping table; undefined when it is left out. */
export function labelOf(item: BriefItem): string | undefined {
  const rule = headingRule(item.heading);
  if (!rule) return undefined;
  if (rule.code) return rule.code;
  if (!rule.split) return undefined;
  // A shared heading: the listed topic whose cue words the item uses more; none, or a tie, leaves it out.
  const scores = cueTopicScores(analyse({ headline: "", bodyText: item.text }));
  const ranked = rule.split.map((c) => [c, scores.get(c) ?? 0] as const).sort((a, b) => b[1] - a[1]);
  if (!ranked[0] || ranked[0][1] <= 0 || ranked[0][1] === ranked[1]?.[1]) return undefined;
  return ranked[0][0];
}

/** The HuffPost file, relative to the data folder. */
export const HUFFPOST_FILE = "huffpost/News_Category_Dataset_v3.json";

export interface HuffPostItem {
  /** YYYY-MM-DD of publication. */
  date: string;
  /** HuffPost's section, upper case as in the file ("FOOD & DRINK"). */
  category: string;
  headline: string;
  /** The short description under the headline; may be empty. */
  description: string;
}

/**
 * Every item of the News Category Dataset (one JSON object a line: link,
 * headline, category, short_description, authors, date). Throws, naming the
 * file, when it is missing or a line is not such an object.
 */
export function readHuffPost(dir: string): HuffPostItem[] {
  const file = path.join(dir, HUFFPOST_FILE);
  if (!existsSync(file)) {
    throw new Error(`topic data folder ${dir} has no ${HUFFPOST_FILE} (the News Category Dataset, one JSON object a line)`);
  }
  const out: HuffPostItem[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, n) => {
      if (!line.trim()) return;
      let o: Record<string, unknown>;
      try {
        o = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}:${n + 1}: not a JSON object (is it a Git LFS pointer rather than the data?)`);
      }
      const { category, headline, date } = o;
      const description = o.short_description ?? "";
      if (typeof category !== "string" || typeof headline !== "string" || typeof date !== "string" || typeof description !== "string") {
        throw new Error(`${file}:${n + 1}: expected category, headline, short_description and date strings`);
      }
      out.push({ date: date.slice(0, 10), category: category.trim().toUpperCase(), headline: headline.trim(), description: description.trim() });
    });
  if (out.length === 0) throw new Error(`${file}: no items`);
  return out;
}

/** The class a HuffPost item is trained as, by the mapping table; undefined for a section left out. */
export function huffPostLabel(category: string): string | undefined {
  return HUFFPOST[category.trim().toUpperCase()]?.code;
}

/**
 * Whether the model learns from a HuffPost section. A section marked
 * 'train': false in the table keeps its label, so the bench still measures
 * it, but the model learns its topic from the portal alone.
 */
export function huffPostTrains(category: string): boolean {
  const rule = HUFFPOST[category.trim().toUpperCase()];
  return rule?.code !== undefined && rule.train !== false;
}

export type Split = "train" | "calibration" | "test";

/** Items at or after `testFrom` test, at or after `calFrom` calibrate, the rest train. */
function cutAt<T extends { date: string }>(items: T[], calFrom: string, testFrom: string): Record<Split, T[]> {
  const out: Record<Split, T[]> = { train: [], calibration: [], test: [] };
  for (const it of items) out[it.date >= testFrom ? "test" : it.date >= calFrom ? "calibration" : "train"].push(it);
  return out;
}

/**
 * By date, so that no story is on both sides: the last 15% of the days are
 * the held-out test split, the 10% before them calibrate the confidences,
 * the rest trains.
 */
export function splitByDate<T extends { date: string }>(items: T[]): Record<Split, T[]> {
  const days = [...new Set(items.map((i) => i.date))].sort();
  const testFrom = days[Math.floor(days.length * 0.85)] ?? "9999";
  const calFrom = days[Math.floor(days.length * 0.75)] ?? "9999";
  return cutAt(items, calFrom, testFrom);
}

/**
 * By date too, but at the last 15% and the 10% before them of the items, not
 * of the days: the dataset is uneven over time (about 200,000 items up to May
 * 2018, 10,000 over the four years after), so a cut by days could leave a
 * thin test split. A day is never cut in two.
 */
export function splitByItems<T extends { date: string }>(items: T[]): Record<Split, T[]> {
  const dates = items.map((i) => i.date).sort();
  const testFrom = dates[Math.floor(dates.length * 0.85)] ?? "9999";
  const calFrom = dates[Math.floor(dates.length * 0.75)] ?? "9999";
  return cutAt(items, calFrom, testFrom);
}

/**
 * HuffPost's calibration and test splits, fixed at the dates splitByItems gave
 * the dataset's newest 10,000 items (May 2018 to September 2022), the first
 * copy read: with the whole file (2012-2022, decision 017's addendum of
 * 2026-12-07) its 200,000 older items only train, and the measured splits
 * are the same items as before, so figures stay comparable across the two.
 */
export const HUFFPOST_SPLIT = { calibrationFrom: "2021-07-18", testFrom: "2021-12-14" } as const;

/**
 * HuffPost's items before this date (the first of the dataset's newest 10,000)
 * are the sections of 2012-2018: a source of their own in the balance, as the
 * portal's older pages are, so that their 200,000 items do not say what a
 * class means (decision 017, addendum of 2026-12-07).
 */
export const HUFFPOST_OLDER_BEFORE = "2018-05-01";

export function splitHuffPost<T extends { date: string }>(items: T[]): Record<Split, T[]> {
  return cutAt(items, HUFFPOST_SPLIT.calibrationFrom, HUFFPOST_SPLIT.testFrom);
}

/** A labelled item of either training source, as the tagger reads it. */
export interface TopicExample {
  /**
   * "archive": the portal's older pages, a source of their own for the balance (they only train);
   * "huffpost-older": HuffPost's items before HUFFPOST_OLDER_BEFORE, likewise.
   */
  source: "portal" | "huffpost" | "archive" | "huffpost-older";
  date: string;
  headline: string;
  body: string;
  /** The class it is trained as (a medtop code). */
  label: string;
  /** False for an item that is measured but not learnt from (a HuffPost section marked 'train': false). */
  trains: boolean;
}

/** The portal's labelled items, each sentence once (the same one filed twice teaches nothing new and could cross the split). */
export function portalExamples(dir: string): { examples: TopicExample[]; leftOut: Map<string, number>; read: number } {
  return briefExamples(readCurrentEvents(dir), "portal");
}

/**
 * Topics the older pages have no heading for, or almost none (environment 42
 * items, religion 63): their stories were filed under another heading
 * (climate talks under international relations, people left homeless under
 * disasters, a mosque under attacks), and learnt there they would teach that
 * a glacier is science. An item of the older pages whose cue words name one
 * of these topics first is left out rather than learnt as its heading.
 */
export const ARCHIVE_UNFILED = new Set(["05000000", "06000000", "08000000", "09000000", "10000000", "12000000", "14000000", "17000000"].map((c) => `medtop:${c}`));

/** How archiveExamples counts, in leftOut, an item left out by ARCHIVE_UNFILED (followed by the topic). */
export const UNFILED_REASON = "filed under another heading, cue words say";

/** The archive's labelled items (readCurrentEventsArchive), each sentence once; they only train. */
export function archiveExamples(dir: string): { examples: TopicExample[]; leftOut: Map<string, number>; read: number } {
  const all = briefExamples(readCurrentEventsArchive(dir), "archive");
  const examples = all.examples.filter((e) => {
    const scores = cueTopicScores(analyse({ headline: "", bodyText: e.body }));
    let top: string | undefined;
    let best = 0;
    for (const [code, v] of scores) if (v > best) [top, best] = [code, v];
    if (!top || top === e.label || !ARCHIVE_UNFILED.has(top)) return true;
    const why = `${UNFILED_REASON} ${top}`;
    all.leftOut.set(why, (all.leftOut.get(why) ?? 0) + 1);
    return false;
  });
  return { ...all, examples };
}

function briefExamples(items: BriefItem[], source: "portal" | "archive"): { examples: TopicExample[]; leftOut: Map<string, number>; read: number } {
  const seen = new Set<string>();
  const examples: TopicExample[] = [];
  const leftOut = new Map<string, number>();
  for (const item of items) {
    if (seen.has(item.text)) continue;
    seen.add(item.text);
    const label = labelOf(item);
    if (!label) leftOut.set(item.heading, (leftOut.get(item.heading) ?? 0) + 1);
    else examples.push({ source, date: item.date, headline: "", body: item.text, label, trains: true });
  }
  return { examples, leftOut, read: items.length };
}

/** HuffPost's labelled items (headline, and the short description as the body), each once. */
export function huffPostExamples(dir: string): { examples: TopicExample[]; leftOut: Map<string, number>; read: number } {
  const items = readHuffPost(dir);
  const seen = new Set<string>();
  const examples: TopicExample[] = [];
  const leftOut = new Map<string, number>();
  for (const item of items) {
    const key = `${item.headline}\n${item.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = huffPostLabel(item.category);
    if (!label) leftOut.set(item.category, (leftOut.get(item.category) ?? 0) + 1);
    else examples.push({ source: "huffpost", date: item.date, headline: item.headline, body: item.description, label, trains: huffPostTrains(item.category) });
  }
  // In date order (the file runs newest first), so that a split reads from its first date to its last.
  examples.sort((a, b) => a.date.localeCompare(b.date));
  return { examples, leftOut, read: items.length };
}

/** Both sources split the same way for training and the bench: the portal by days, HuffPost by items. */
export function topicSplits(dir: string): { portal: Record<Split, TopicExample[]>; huffpost: Record<Split, TopicExample[]> } {
  return { portal: splitByDate(portalExamples(dir).examples), huffpost: splitHuffPost(huffPostExamples(dir).examples) };
}

export interface LabelledArticle {
  url: string;
  date: string;
  headline: string;
  body: string;
  /** The topic an editor would file it under. */
  gold: string;
  /** Other topics an editor would accept as the first one. */
  also: string[];
}

/** Wikinews articles joined to the labels Wiredesk gave them (scripts/topic-eval/wikinews-labels.tsv). */
export function readWikinews(dir: string, labelsFile: string): LabelledArticle[] {
  const folder = path.join(dir, "wikinews");
  if (!existsSync(folder)) throw new Error(`topic data folder ${dir} has no wikinews/ folder`);
  const labels = new Map<string, { gold: string; also: string[] }>();
  readFileSync(labelsFile, "utf8")
    .split("\n")
    .forEach((line, n) => {
      if (!line.trim() || line.startsWith("#")) return;
      const [url, gold, also] = line.split("\t");
      if (!url || !gold) throw new Error(`${labelsFile}:${n + 1}: expected url<TAB>code[<TAB>codes]`);
      if (gold === "-") return;
      labels.set(url.trim(), { gold: `medtop:${gold.trim()}`, also: (also ?? "").split(",").filter(Boolean).map((c) => `medtop:${c.trim()}`) });
    });
  const out: LabelledArticle[] = [];
  for (const f of readdirSync(folder).filter((x) => x.endsWith(".csv")).sort()) {
    const rows = parse(readFileSync(path.join(folder, f)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    for (const r of rows) {
      const l = labels.get(r.url ?? "");
      if (!l || !r.title || !r.text) continue;
      out.push({ url: r.url!, date: r.date ?? "", headline: r.title, body: r.text.replace(/\n{3,}/g, "\n\n").trim(), ...l });
    }
  }
  return out;
}

/** The brief of a full story: its headline and first sentence. */
export function briefOf(body: string): string {
  const m = /^[\s\S]*?[.!?](?=["'’”]?\s+[A-Z"“‘'(]|\s*$)/.exec(body.trim());
  return (m ? m[0] : body).trim();
}
