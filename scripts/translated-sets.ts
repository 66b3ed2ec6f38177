// The translated news sets that bench:translated and bench:ingest read (decision
// 024, tenth addendum). Neither is in the repository; each reader takes the
// folder of a copy of the set's repository.
//   NTREX-128 (github.com/MicrosoftTranslator/NTREX, CC BY-SA 4.0): 123 English
//     news stories of 2019 and their human translations, one sentence a line.
//   SIB-200 (github.com/dadelani/sib-200; sentences of FLORES-200, CC BY-SA 4.0):
//     the same 1,004 sentences in every language, each labelled with a topic.
import { readFileSync } from "node:fs";
import path from "node:path";

/** NTREX-128's files of the beat's languages, and their ISO 639-1 codes. */
export const NTREX_LANGUAGES: Record<string, string> = { deu: "de", spa: "es", fra: "fr", por: "pt", rus: "ru", ukr: "uk" };
/** SIB-200's folders of English and the beat's languages. */
export const SIB_LANGUAGES: Record<string, string> = { eng_Latn: "en", deu_Latn: "de", spa_Latn: "es", fra_Latn: "fr", por_Latn: "pt", rus_Cyrl: "ru", ukr_Cyrl: "uk" };

/** A story of NTREX-128 in one language: its first line as the headline, the rest as the body. */
export interface NtrexDoc {
  lang: string;
  story: string;
  title: string;
  text: string;
}

/** Every NTREX-128 story, in English and in each of the beat's languages. */
export function readNtrex(dir: string): NtrexDoc[] {
  const lines = (file: string) => readFileSync(path.join(dir, file), "utf8").replace(/\n$/, "").split("\n");
  const ids = lines("DOCUMENT_IDS.tsv").map((l) => l.split("\t")[0]!.trim());
  const files: [string, string][] = [["en", "NTREX-128/newstest2019-src.eng.txt"], ...Object.entries(NTREX_LANGUAGES).map(([f, l]) => [l, `NTREX-128/newstest2019-ref.${f}.txt`] as [string, string])];
  const docs: NtrexDoc[] = [];
  for (const [lang, file] of files) {
    const text = lines(file);
    if (text.length !== ids.length) throw new Error(`${file}: ${text.length} lines, DOCUMENT_IDS.tsv has ${ids.length}`);
    const by = new Map<string, string[]>();
    ids.forEach((id, i) => (by.get(id) ?? (by.set(id, []), by.get(id)!)).push(text[i]!.trim()));
    for (const [story, l] of by) docs.push({ lang, story, title: l[0] ?? "", text: l.slice(1).join("\n") });
  }
  return docs;
}

/** A sentence of SIB-200: its split, topic label and text. */
export interface SibRow {
  split: string;
  category: string;
  text: string;
}

/** SIB-200's sentences in one of its language folders ("eng_Latn"), train, dev and test splits in that order. */
export function readSib(dir: string, folder: string): SibRow[] {
  return ["train", "dev", "test"].flatMap((split) => {
    const file = path.join(dir, "data", "annotated", folder, `${split}.tsv`);
    return readFileSync(file, "utf8")
      .split("\n")
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => {
        const [, category, text] = l.split("\t");
        return { split, category: category ?? "", text: text ?? "" };
      });
  });
}
