// npm run dictionaries:build -- --omw DIR [--wiktionary DIR] [--openrussian DIR] [--ukrainian FILE] [--senses N] [--out FILE]
// Rebuilds lib/tagging/data/dictionaries.json: for German, Spanish, French,
// Portuguese, Russian and Ukrainian, a word's Snowball stem → up to --senses
// English words (default 3), which the tagger reads copy in those languages through
// (lib/tagging/gloss.ts). Sources, all from Wiktionary and all CC BY-SA
// (lib/tagging/data/ATTRIBUTION.md names each one's commit):
//   --omw DIR          Wiktionary's translations as the Open Multilingual
//                      Wordnet publishes them (github.com/omwn/omw-data,
//                      wns/wikt/wn-wikt-{eng,deu,spa,fra,por,rus,ukr}.tab):
//                      words of one synset in a language and in English
//                      translate each other. Required ($WIREDESK_OMW_DIR).
//   --wiktionary DIR   Matthias Buchmeier's extracts of the English
//                      Wiktionary (github.com/open-dsl-dict/wiktionary-dict,
//                      src/): the Spanish, French and Portuguese entries'
//                      English glosses, and the English entries' German
//                      translations, read backwards.
//   --openrussian DIR  OpenRussian's Russian words and their first English
//                      gloss (github.com/Badestrand/russian-dictionary, the
//                      *.csv-russian_to_en.json files).
//   --ukrainian FILE   Ukrainian Wiktionary and DBnary entries with their
//                      English senses (github.com/dmklinger/ukrainian, as
//                      github.com/casancam/UKR-ENG-Kindle-Dictionary ships
//                      it: src/ukr-eng-words.json.zip, unzipped). Only the
//                      headword and its senses are read, never its
//                      inflected forms, which come from another source.
// Every source votes for the English words it renders a headword by, one
// vote a sense; a stem keeps its shortest headword's most voted words
// (class Stems). The OMW alone gave Ukrainian 3,182 stems, a fifth of the
// other languages', and its topic accuracy on SIB-200 was the lowest of the
// six (decision 024).
//
// Deterministic: the files are read in order, and every tie has a rule.
// Single-word headwords only; English words only among the word vectors'
// (the tagger's English vocabulary, the 50,000 most frequent), so a gloss
// is made of words the model can read.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { normalizeWord } from "../lib/tagging/text";
import { GLOSS_STEMMERS, glossFold, type DictionariesFile } from "../lib/tagging/gloss-stemmers";
import type { WordVectorsFile } from "../lib/tagging/word-vectors";

const root = path.resolve(import.meta.dirname, "..");
const FILES: Record<string, string> = { de: "deu", es: "spa", fr: "fra", pt: "por", ru: "rus", uk: "ukr" };
/** An English rendering: one word of letters. */
const SINGLE_WORD = /^[\p{L}'’-]+$/u;
/** A headword: anything without a space (the OMW's rule; copy is read by its words of letters, so the rest is never met). */
const HEADWORD = /^[^\s_]+$/u;

/** synset → lemmas, in file order, single words only. */
function lemmas(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [synset, kind, lemma] = line.split("\t");
    if (!synset || !kind?.endsWith(":lemma") || !lemma || /[\s_]/.test(lemma.trim())) continue;
    const list = out.get(synset) ?? (out.set(synset, []), out.get(synset)!);
    list.push(lemma.trim().toLowerCase());
  }
  return out;
}

/**
 * The English word a dictionary's sense gloss renders a word by, or null:
 * "to say, to tell" → "say"; "discount, rebate" → "discount"; "(law) law,
 * right" → "law". Its first part that is one word the vectors know, after
 * labels in brackets and a leading "to" or article. A gloss that only points
 * to another entry ("feminine plural of assado", "past participle of
 * abater") renders nothing: that entry's own stem is read instead.
 */
export function englishOf(gloss: string, known: ReadonlySet<string>): string | null {
  const bare = gloss.replace(/\([^()]*\)|\[[^\]]*\]|\{[^}]*\}/g, " ");
  if (/\b(?:form|plural|participle|spelling|singular|person|tense|gerund|diminutive|augmentative|superlative|comparative|abbreviation|synonym|imperative|infinitive) of\b/i.test(bare)) return null;
  for (const part of bare.split(/[,;:/|]/)) {
    const words = part.trim().replace(/^(?:to|a|an|the)\s+/i, "").trim();
    if (!SINGLE_WORD.test(words)) continue;
    const w = normalizeWord(words);
    if (known.has(w)) return w;
  }
  return null;
}

/**
 * A language's words and the English words the sources render each by, one
 * vote a sense; a stem is then rendered by its shortest headword (the
 * stem's own word before its derivations: Spanish "mar", sea, before
 * "marear", to make seasick) and that headword by its most voted English
 * word, the most frequent English word among equals ("miembro": member,
 * before limb and penis). Taking the first sense met instead, as the first
 * version did, rendered "miembro" as penis and "brote" as sprout.
 */
export class Stems {
  private readonly heads = new Map<string, Map<string, Map<string, number>>>();
  constructor(
    private readonly stem: (w: string) => string,
    private readonly rank: ReadonlyMap<string, number>,
    private readonly fold: (w: string) => string = (w) => w,
  ) {}
  add(word: string, en: string | null): boolean {
    const w = this.fold(word.trim().toLowerCase());
    if (!en || !HEADWORD.test(w)) return false;
    const k = this.stem(w);
    if (k.length < 2) return false;
    // Under the headword itself too: Snowball stems a lemma and its forms apart where the lemma is short
    // (Russian "остров" → "остр", "островов" → "остров"; Spanish "islas" stays "islas"), and
    // gloss.ts looks a word up as it is written before its stem.
    for (const key of k === w ? [k] : [k, w]) {
      const heads = this.heads.get(key) ?? (this.heads.set(key, new Map()), this.heads.get(key)!);
      const votes = heads.get(w) ?? (heads.set(w, new Map()), heads.get(w)!);
      votes.set(en, (votes.get(en) ?? 0) + 1);
    }
    return true;
  }
  get size(): number {
    return this.heads.size;
  }
  /**
   * Each key's English: its shortest headword's most voted word, then up to
   * `senses - 1` others of that headword, by votes and then frequency,
   * joined by "|". gloss.ts reads the first unless the copy's other words
   * speak for another ("partido": party, or game in a football report).
   */
  words(senses = 1): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, heads] of this.heads) {
      let head: Map<string, number> | undefined;
      let headWord = "";
      for (const [w, votes] of heads) if (!head || w.length < headWord.length) [head, headWord] = [votes, w];
      const ranked = [...head!].sort(([a, n], [b, m]) => m - n || this.rank.get(a)! - this.rank.get(b)!);
      out[k] = ranked
        .slice(0, senses)
        .map(([en]) => en)
        .join("|");
    }
    return out;
  }
}

/** Buchmeier's "headword {pos} [labels] :: rest" lines of a file: each line's headword and what follows "::". */
function* wiktionaryLines(file: string): Generator<{ head: string; rest: string }> {
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.indexOf(" :: ");
    const brace = line.indexOf(" {");
    if (at < 0 || brace < 0 || brace > at) continue;
    yield { head: line.slice(0, brace), rest: line.slice(at + 4) };
  }
}

/** A language's entries and their English glosses. */
function fromWiktionaryGlosses(file: string, into: Stems, known: ReadonlySet<string>): number {
  let n = 0;
  for (const { head, rest } of wiktionaryLines(file)) if (into.add(head, englishOf(rest, known))) n++;
  return n;
}

/** English entries' translations ("fever {n} (sense) :: Fieber {n}, …"), read backwards: each single-word translation → its single-word English headword. */
function fromWiktionaryTranslations(file: string, into: Stems, known: ReadonlySet<string>): number {
  let n = 0;
  for (const { head, rest } of wiktionaryLines(file)) {
    const en = SINGLE_WORD.test(head) ? normalizeWord(head) : null;
    if (!en || !known.has(en)) continue;
    for (const t of rest.replace(/\[[^\]]*\]|\{[^}]*\}|\([^()]*\)/g, " ").split(/[,;]/)) if (into.add(t, en)) n++;
  }
  return n;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      omw: { type: "string" },
      wiktionary: { type: "string" },
      openrussian: { type: "string" },
      ukrainian: { type: "string" },
      senses: { type: "string", default: "3" },
      out: { type: "string" },
    },
  });
  const dir = values.omw ?? process.env.WIREDESK_OMW_DIR;
  const wikt = dir && path.join(dir, "wns", "wikt");
  const usage = "usage: npm run dictionaries:build -- --omw DIR [--wiktionary DIR] [--openrussian DIR] [--ukrainian FILE] [--senses N] [--out FILE]";
  if (!wikt || !existsSync(path.join(wikt, "wn-wikt-eng.tab"))) {
    console.error(`${usage}\n  --omw DIR: a copy of github.com/omwn/omw-data (wns/wikt/wn-wikt-*.tab)${dir ? `; not found under ${dir}` : ""}`);
    return 2;
  }
  const need = (what: string, file: string): string => {
    if (!existsSync(file)) throw new Error(`${what}: ${file} not found`);
    return file;
  };
  const vectors = JSON.parse(readFileSync(path.join(root, "lib/tagging/data/word-vectors.json"), "utf8")) as WordVectorsFile;
  const rank = new Map(vectors.words.split("\n").map((w, i) => [w, i]));
  const known = new Set(rank.keys());
  const english = lemmas(path.join(wikt, "wn-wikt-eng.tab"));
  const sources = ["Wiktionary translations as the Open Multilingual Wordnet publishes them (github.com/omwn/omw-data, wns/wikt)"];
  const stems: Record<string, Stems> = {};
  for (const [lang, code] of Object.entries(FILES)) {
    const into = (stems[lang] = new Stems(GLOSS_STEMMERS[lang]!, rank, (w) => glossFold(lang, w)));
    let n = 0;
    for (const [synset, list] of lemmas(path.join(wikt, `wn-wikt-${code}.tab`))) {
      const en = english.get(synset)?.map(normalizeWord).find((w) => known.has(w)) ?? null;
      for (const lemma of list) if (into.add(lemma, en)) n++;
    }
    console.log(`${lang}: ${n.toLocaleString("en")} senses from the OMW's translations`);
  }
  if (values.wiktionary) {
    const src = path.join(values.wiktionary, "src");
    for (const lang of ["es", "fr", "pt"]) {
      const n = fromWiktionaryGlosses(need("--wiktionary", path.join(src, `${lang}-en-enwiktionary.txt`)), stems[lang]!, known);
      console.log(`${lang}: ${n.toLocaleString("en")} senses from Wiktionary's ${lang} entries`);
    }
    const n = fromWiktionaryTranslations(need("--wiktionary", path.join(src, "en-de-enwiktionary.txt")), stems.de!, known);
    console.log(`de: ${n.toLocaleString("en")} senses from Wiktionary's English entries' German translations`);
    sources.push("Matthias Buchmeier's English Wiktionary extracts (github.com/open-dsl-dict/wiktionary-dict)");
  }
  if (values.openrussian) {
    let n = 0;
    for (const part of ["nouns", "verbs", "adjectives", "others"]) {
      const map = JSON.parse(readFileSync(need("--openrussian", path.join(values.openrussian, `${part}.csv-russian_to_en.json`)), "utf8")) as Record<string, string>;
      for (const [ru, gloss] of Object.entries(map)) if (stems.ru!.add(ru, englishOf(gloss, known))) n++;
    }
    console.log(`ru: ${n.toLocaleString("en")} senses from OpenRussian`);
    sources.push("OpenRussian (github.com/Badestrand/russian-dictionary)");
  }
  if (values.ukrainian) {
    const entries = JSON.parse(readFileSync(need("--ukrainian", values.ukrainian), "utf8")) as { word: string; defs?: string[] }[];
    let n = 0;
    for (const e of entries) {
      // Stress marks (combining acute) are not written in copy.
      const word = e.word.normalize("NFD").replace(/\u0301/g, "").normalize("NFC");
      for (const d of e.defs ?? []) if (stems.uk!.add(word, englishOf(d, known))) n++;
    }
    console.log(`uk: ${n.toLocaleString("en")} senses from Wiktionary and DBnary's Ukrainian entries`);
    sources.push("Ukrainian Wiktionary and DBnary entries (github.com/dmklinger/ukrainian)");
  }
  const languages: DictionariesFile["languages"] = {};
  for (const [lang, into] of Object.entries(stems)) {
    const words = into.words(Number(values.senses));
    languages[lang] = Object.keys(words)
      .sort()
      .map((k) => `${k}\t${words[k]}`)
      .join("\n");
    console.log(`${lang}: ${into.size.toLocaleString("en")} stems in all`);
  }
  const file: DictionariesFile = { version: 2, source: `${sources.join("; ")}; all CC BY-SA`, languages };
  const out = values.out ?? path.join(root, "lib/tagging/data/dictionaries.json");
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${path.relative(root, out)} (${(readFileSync(out).length / 1e6).toFixed(2)} MB)`);
  return 0;
}

// Run, not imported (the unit tests import its choices).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main());
