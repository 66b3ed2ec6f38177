// npm run dictionaries:build -- --omw DIR [--out FILE]
// Rebuilds lib/tagging/data/dictionaries.json: for German, Spanish, French,
// Portuguese, Russian and Ukrainian, a word's Snowball stem → one English
// word, which the tagger reads copy in those languages through
// (lib/tagging/gloss.ts). From Wiktionary's translations as the Open
// Multilingual Wordnet publishes them (github.com/omwn/omw-data,
// wns/wikt/wn-wikt-{eng,deu,spa,fra,por,rus,ukr}.tab; CC BY-SA 3.0):
// words of one synset in a language and in English translate each other.
// DIR: the omw-data repository's folder (or $WIREDESK_OMW_DIR).
//
// Per language, in the files' order (deterministic): single-word lemmas
// only; a stem keeps the first English word met for it; English words only
// among the word vectors' (the tagger's English vocabulary, the 50,000 most
// frequent), so a gloss is made of words the model can read.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { normalizeWord } from "../lib/tagging/text";
import { GLOSS_STEMMERS, type DictionariesFile } from "../lib/tagging/gloss";
import type { WordVectorsFile } from "../lib/tagging/word-vectors";

const root = path.resolve(import.meta.dirname, "..");
const FILES: Record<string, string> = { de: "deu", es: "spa", fr: "fra", pt: "por", ru: "rus", uk: "ukr" };

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

function main(): number {
  const { values } = parseArgs({ options: { omw: { type: "string" }, out: { type: "string" } } });
  const dir = values.omw ?? process.env.WIREDESK_OMW_DIR;
  const wikt = dir && path.join(dir, "wns", "wikt");
  if (!wikt || !existsSync(path.join(wikt, "wn-wikt-eng.tab"))) {
    console.error(`usage: npm run dictionaries:build -- --omw DIR [--out FILE]\n  DIR: a copy of github.com/omwn/omw-data (wns/wikt/wn-wikt-*.tab)${dir ? `; not found under ${dir}` : ""}`);
    return 2;
  }
  const vectors = JSON.parse(readFileSync(path.join(root, "lib/tagging/data/word-vectors.json"), "utf8")) as WordVectorsFile;
  const known = new Set(vectors.words.split("\n"));
  const english = lemmas(path.join(wikt, "wn-wikt-eng.tab"));
  const languages: DictionariesFile["languages"] = {};
  for (const [lang, code] of Object.entries(FILES)) {
    const stem = GLOSS_STEMMERS[lang]!;
    const words: Record<string, string> = {};
    let n = 0;
    for (const [synset, list] of lemmas(path.join(wikt, `wn-wikt-${code}.tab`))) {
      const en = english.get(synset)?.map(normalizeWord).find((w) => known.has(w));
      if (!en) continue;
      for (const lemma of list) {
        const k = stem(lemma);
        if (k.length < 2 || Object.hasOwn(words, k)) continue;
        words[k] = en;
        n++;
      }
    }
    languages[lang] = words;
    console.log(`${lang}: ${n.toLocaleString("en")} stems`);
  }
  const file: DictionariesFile = {
    version: 1,
    source: "Wiktionary translations (CC BY-SA 3.0) as the Open Multilingual Wordnet publishes them (github.com/omwn/omw-data, wns/wikt)",
    languages,
  };
  const out = values.out ?? path.join(root, "lib/tagging/data/dictionaries.json");
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${path.relative(root, out)} (${(readFileSync(out).length / 1e6).toFixed(2)} MB)`);
  return 0;
}

process.exit(main());
