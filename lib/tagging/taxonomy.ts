import medtopData from "./data/medtop.json";

// IPTC Media Topics (© IPTC, https://iptc.org, CC BY 4.0) as derived by
// `npm run taxonomy:build` into data/medtop.json.

export interface MedtopConcept {
  /** "medtop:02000000" */
  qcode: string;
  /** English label: "crime, law and justice". */
  label: string;
  definition: string;
  /** Broader concept, null for the 17 top-level topics. */
  parent: string | null;
  /** 1 for top-level topics, up to 5. */
  level: number;
  retired: boolean;
  /** Editor-facing short name of a top-level topic: "crime", "war and conflict". */
  short?: string;
  /** Labels in other languages (es, fr, de, pt). */
  labels?: Record<string, string>;
}

interface MedtopFile {
  concepts: MedtopConcept[];
}

const data = medtopData as unknown as MedtopFile;

export const MEDTOP_CONCEPTS: readonly MedtopConcept[] = data.concepts;

const byCode = new Map<string, MedtopConcept>(data.concepts.map((c) => [c.qcode, c]));

/** The 17 top-level topics, in code order. */
export const TOP_LEVEL_TOPICS: readonly MedtopConcept[] = data.concepts.filter((c) => c.level === 1);

/** "02000000", "medtop:02000000" or the IPTC URI → "medtop:02000000"; undefined when not a media topic code. */
export function toMedtop(code: string): string | undefined {
  const m = /(?:^|medtop:|mediatopic\/)(\d{8})\/?$/i.exec(code.trim());
  return m ? `medtop:${m[1]}` : undefined;
}

export function medtopConcept(code: string): MedtopConcept | undefined {
  const direct = byCode.get(code);
  if (direct) return direct;
  const q = toMedtop(code);
  return q ? byCode.get(q) : undefined;
}

/** The top-level topic a concept belongs to. */
export function topLevelOf(code: string): string | undefined {
  let c = medtopConcept(code);
  for (let guard = 0; c && c.parent !== null && guard < 10; guard++) c = byCode.get(c.parent);
  return c?.qcode;
}

/** What editors see: the short name of a top-level topic, else the IPTC label. */
export function topicName(code: string): string {
  const c = medtopConcept(code);
  return c?.short ?? c?.label ?? code;
}

let vocabulary: Set<string> | undefined;

/**
 * Lower-case English words of the taxonomy's labels and definitions: a small
 * dictionary of everyday words, to tell "Reading" the verb from the town.
 */
export function englishVocabulary(): Set<string> {
  if (vocabulary) return vocabulary;
  const v = new Set<string>();
  // Only words written in lower case: "Vienna" in a definition is a name, not a word.
  for (const c of data.concepts) {
    for (const w of `${c.label} ${c.definition}`.split(/[^A-Za-z]+/)) if (w.length > 1 && /^[a-z]+$/.test(w)) v.add(w);
  }
  vocabulary = v;
  return v;
}
