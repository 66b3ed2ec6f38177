// The same story in two languages, told by what survives translation: the
// names of people, places and bodies, and the figures. A Spanish agency's
// copy of an English wire story shares no sentence with it, but it names
// the same Sánchez, Feijóo and Plaza de España and counts the same 100,000
// people (written 100.000). Topic never counts: two Madrid rallies on two
// days name the same politicians, and are two stories; what tells them
// apart is their figures and their days.

import { dateKeys } from "../ingest/dates";

/** Names are compared by their start: "Zelenskyy", "Zelensky": "zelens". */
const NAME_KEY_LENGTH = 6;
/** Rules of the match (matchAcrossLanguages). */
export const ACROSS_RULE = {
  /**
   * Names both share, at least, a name of several words counting once
   * ("Radovan Karadžić"). Counted in words, it was 3: names counted whole
   * refuse far more unrelated pairs, and 2 keeps most of the same stories
   * (decision 024's addendum on counting names).
   */
  minNames: 2,
  /** Shared names as a share of the shorter list of names. */
  minNameShare: 0.3,
  /** Figures both share (years aside), at least; one figure is enough only with this many names. */
  minFigures: 1,
  namesWithOneFigure: 4,
  /**
   * Without a shared figure: this many names, and this share of the shorter
   * list, when one copy gives fewer than figuresToDisagree figures (a short
   * report has none to disagree with); copies that both give figures and
   * share none are two stories (a recurring notice with other figures).
   */
  namesWithoutFigures: 5,
  nameShareWithoutFigures: 0.5,
  figuresToDisagree: 2,
  /** Hours between the two copies' times, at most. */
  maxHours: 48,
  /**
   * Names both share that are not common in the compared copy of those days,
   * at least: two Madrid rallies on two days name the same politicians, and
   * a week of earnings tables the same "Net", "Revs" and "Inc". Counted only
   * where the caller knows what is common (matchAcrossLanguages' `common`).
   */
  minRareNames: 2,
  /** A name is common when more than this share of the compared copy in a language carries it … */
  commonShare: 0.02,
  /** … and more than this many copies. */
  commonMin: 5,
} as const;

/** Whether a name key is common in the copy compared against (the days' copy in the other article's language). */
export type CommonName = (key: string) => boolean;


// Ukrainian and Russian letters in Latin, as English copy writes names (Київ → kyiv, Харків → kharkiv).
const CYRILLIC_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ye", ж: "zh", з: "z", и: "y", і: "i", ї: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch",
  ш: "sh", щ: "shch", ь: "", ю: "yu", я: "ya", ё: "yo", ы: "y", э: "e", ъ: "", "'": "", "’": "",
};

const CYRILLIC = /[\u0400-\u04ff]/;

/** A name as compared between copies in Latin script: its letters, no accents, lower case, its start. */
export function nameKey(name: string): string {
  const lower = name.toLowerCase();
  const latin = CYRILLIC.test(lower) ? [...lower].map((c) => CYRILLIC_LATIN[c] ?? c).join("") : lower;
  return latin.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]/g, "").slice(0, NAME_KEY_LENGTH);
}

/**
 * A name as compared where either copy is in Cyrillic script: the start of
 * how it sounds. A translator writes a name as it sounds in the other script,
 * not letter for letter: Trump is Трамп ("tramp"), Johnson Джонсон
 * ("dzhonson"), Kavanaugh Кавано, Erdogan Ердоган in Ukrainian ("erdohan").
 * So every vowel stands for any vowel and a run of them for one; g, h and
 * Cyrillic х are one sound (Ukrainian writes г for both g and h); an h after
 * a vowel is silent; ch, sh, zh, j, ph, th, ck, c, q, x and w are each
 * written as their sound. Between two copies in Latin script the letters
 * serve better: there the sound also joined names that only sound alike
 * (decision 024's addendum, measured on NTREX-128's translations).
 */
export function soundKey(name: string): string {
  const lower = name.toLowerCase();
  const sound = CYRILLIC.test(lower) ? cyrillicSound(lower) : latinSound(lower.normalize("NFD").replace(/\p{M}/gu, ""));
  return sound.replace(/[aeiouy]+/g, "a").replace(/(.)\1+/g, "$1").toLowerCase().slice(0, NAME_KEY_LENGTH);
}

// Ukrainian and Russian letters by sound, in soundKey's spelling: a vowel is any vowel; G is g, h and Cyrillic х; J is дж and ж; C is ч; S is ш and щ.
const CYRILLIC_SOUND: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "G", ґ: "G", д: "d", е: "e", є: "e", ж: "J", з: "z", и: "i", і: "i", ї: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "G", ц: "ts", ч: "C",
  ш: "S", щ: "S", ь: "", ю: "u", я: "a", ё: "o", ы: "i", э: "e", ъ: "",
};

function cyrillicSound(s: string): string {
  return [...s.replace(/дж/g, "ж")].map((c) => CYRILLIC_SOUND[c] ?? (/[a-z0-9]/.test(c) ? c : "")).join("");
}

/** A Latin-script name's letters by sound, in soundKey's spelling (CYRILLIC_SOUND's). */
function latinSound(s: string): string {
  return s
    .replace(/[^a-z0-9]/g, "")
    .replace(/shch|sch|sh/g, "S")
    .replace(/dzh|dj|zh|j/g, "J")
    .replace(/kh/g, "G")
    .replace(/tch|ch/g, "C")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/ck|q/g, "k")
    .replace(/x/g, "ks")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c/g, "k")
    .replace(/w/g, "v")
    // A silent h after a vowel (John, Sarah); g and h are one sound (Ukrainian г).
    .replace(/([aeiouy])h/g, "$1")
    .replace(/[gh]/g, "G");
}

// Capitalised words that start sentences or clauses in the beat's languages, not names.
const NOT_NAMES = new Set(
  [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "for", "of", "to", "this", "that", "these",
    "el", "la", "los", "las", "un", "una", "en", "de", "del", "y", "por", "para", "con", "según", "sin", "este", "esta",
    "le", "les", "des", "du", "une", "et", "dans", "pour", "avec", "selon", "die", "der", "das", "ein", "eine", "und", "im", "mit",
    "o", "os", "as", "um", "uma", "em", "no", "na", "com", "segundo",
    "у", "в", "на", "з", "і", "та", "й", "за", "від", "до", "по", "и", "с", "от", "как", "що", "что",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
    "may", "june", "july", "august", "september", "october", "november", "december",
  ].map((w) => w.toLowerCase()),
);

const NAME = /\p{Lu}[\p{L}'’-]*\p{L}/gu;
const SPACE = /[ \u00a0]/;
// French and Ukrainian group thousands with spaces ("100 000"); elsewhere a space ends a figure.
const FIGURE = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d(?:[\d.,]*\d)?/g;

/** A figure as written in any of the languages: 100,000 / 100.000 / 100 000 are 100000; 12,5 and 12.5 are 12.5. */
export function figureKey(raw: string): string | undefined {
  const compact = raw.replace(/[ \u00a0\u202f]/g, "");
  let n: string;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(compact)) n = compact.replace(/[.,]/g, ""); // thousands grouped
  else if (/^\d+[.,]\d{1,2}$/.test(compact)) n = compact.replace(",", "."); // a decimal part
  else if (/^\d+$/.test(compact)) n = compact;
  else return undefined; // dates ("8.6.2025"), lists, versions: not a story's figure
  n = n.replace(/^0+(?=\d)/, "");
  // "3 people", "1st": too common to tell stories apart.
  if (n.replace(/\D/g, "").length < 2) return undefined;
  // Years name a time, not a story's own figure: every story of 2025 has them.
  if (/^\d{4}$/.test(n) && Number(n) >= 1950 && Number(n) <= 2050) return undefined;
  return n;
}

const MONTH_LABELS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Shared figures as an editor reads them: amounts largest first, as written
 * in English ("100,000"), then dates ("5 October").
 */
export function figureLabels(figures: Iterable<string>): string[] {
  const all = [...figures];
  const amounts = all.filter((f) => !f.startsWith("d:")).sort((x, y) => Number(y) - Number(x));
  const dates = all.filter((f) => f.startsWith("d:")).sort();
  return [
    ...amounts.map((f) => Number(f).toLocaleString("en")),
    ...dates.map((f) => `${Number(f.slice(5, 7))} ${MONTH_LABELS[Number(f.slice(2, 4)) - 1] ?? "?"}`),
  ];
}

export interface Survivors {
  /** Name keys (nameKey) of capitalised words inside sentences, each with the word as first written. */
  names: Map<string, string>;
  /**
   * Each name key's name: the words that stand side by side where the key is
   * first written ("Radovan Karadžić", "United States Geological Survey"),
   * numbered in order. The rule counts names, not words: counting words, two
   * earthquake reports that both cite the United States Geological Survey
   * shared four "names" and were joined.
   */
  groups: Map<string, number>;
  /** The same names by soundKey, and their groups: what is compared where either copy is in Cyrillic script. */
  sound: { names: Map<string, string>; groups: Map<string, number> };
  /** Most of its names are written in Cyrillic script. */
  cyrillic: boolean;
  /** Figures (figureKey), and dates as "d:MM-DD" (dateKeys): a date is one figure whatever language writes it. */
  figures: Set<string>;
}

/**
 * What survives translation in one article. Names come from the body only
 * (English headlines capitalise every word) and never from a sentence's first
 * word; figures from headline and body.
 */
export function survivors(headline: string, bodyText: string): Survivors {
  const names = new Map<string, string>();
  const groups = new Map<string, number>();
  const sound = { names: new Map<string, string>(), groups: new Map<string, number>() };
  let group = 0;
  let cyrillicWords = 0;
  let words = 0;
  // Where the last name word ended: a name word one space after it belongs to the same name.
  let lastEnd = -2;
  for (const m of bodyText.matchAll(NAME)) {
    const before = bodyText.slice(Math.max(0, m.index - 3), m.index);
    // A sentence's or line's first word is capitalised whatever it is.
    if (m.index === 0 || /[.!?:;"“«—–-]\s*$|\n\s*$/.test(before)) continue;
    if (NOT_NAMES.has(m[0].toLowerCase())) continue;
    const key = nameKey(m[0]);
    if (key.length < 3) continue;
    if (!(m.index === lastEnd + 1 && SPACE.test(bodyText[lastEnd]!))) group++;
    lastEnd = m.index + m[0].length;
    words++;
    if (CYRILLIC.test(m[0])) cyrillicWords++;
    if (!names.has(key)) {
      names.set(key, m[0]);
      groups.set(key, group);
    }
    const heard = soundKey(m[0]);
    if (heard.length >= 2 && !sound.names.has(heard)) {
      sound.names.set(heard, m[0]);
      sound.groups.set(heard, group);
    }
  }
  const figures = new Set<string>();
  for (const text of [headline, bodyText]) {
    const dates = dateKeys(text);
    for (const k of dates.keys) figures.add(k);
    for (const m of text.matchAll(FIGURE)) {
      // A date's day is the date's, not a figure of its own.
      if (dates.spans.some(([from, to]) => m.index >= from && m.index < to)) continue;
      const key = figureKey(m[0]);
      if (key) figures.add(key);
    }
  }
  return { names, groups, sound, cyrillic: cyrillicWords * 2 > words, figures };
}

export interface AcrossMatch {
  /** 0..1: shared names and figures against the shorter article's. */
  score: number;
  /** The shared names as the first article writes them. */
  names: string[];
  figures: string[];
}

const shared = (a: Set<string> | Map<string, string>, b: Set<string> | Map<string, string>) => [...a.keys()].filter((x) => b.has(x)).sort();

/**
 * Whether two copies in different languages tell one story, and by what; null
 * when they do not. `common` says which names the copy of those days in `b`'s
 * language carries too often to tell stories apart; without it every name counts.
 */
export function matchAcrossLanguages(a: Survivors, b: Survivors, hoursApart: number, common?: CommonName): AcrossMatch | null {
  if (hoursApart > ACROSS_RULE.maxHours) return null;
  // Letters between copies in Latin script; sounds where either is in Cyrillic (soundKey).
  const bySound = a.cyrillic || b.cyrillic;
  const [na, nb] = bySound ? [a.sound, b.sound] : [a, b];
  const keys = shared(na.names, nb.names);
  // A name is at least one word: fewer shared words cannot make enough names.
  if (keys.length < ACROSS_RULE.minNames) return null;
  if (common) {
    let rare = 0;
    for (const k of keys) if (!common(bySound ? SOUND_KEY + k : k)) rare++;
    if (rare < ACROSS_RULE.minRareNames) return null;
  }
  const names = sharedNames(na, nb, keys);
  const figures = shared(a.figures, b.figures);
  // Shares are of the shorter copy's name words, as the rule's shares were set; counting
  // the shared side in names makes them stricter where names run to several words.
  const fewerNames = Math.min(na.names.size, nb.names.size);
  const n = names.length;
  if (n < ACROSS_RULE.minNames || n < ACROSS_RULE.minNameShare * fewerNames) return null;
  if (figures.length < ACROSS_RULE.minFigures) {
    const fewFigures = Math.min(a.figures.size, b.figures.size) < ACROSS_RULE.figuresToDisagree;
    if (!fewFigures || n < ACROSS_RULE.namesWithoutFigures || n < ACROSS_RULE.nameShareWithoutFigures * fewerNames) return null;
  }
  if (figures.length === 1 && n < ACROSS_RULE.namesWithOneFigure) return null;
  const fewer = fewerNames + Math.min(a.figures.size, b.figures.size);
  return { score: Math.min(1, (keys.length + figures.length) / Math.max(1, fewer)), names, figures };
}

/** Sound keys (soundKey) in an index's postings and its common names, beside the letters' keys. */
export const SOUND_KEY = "~";

type NameKeys = Pick<Survivors, "names" | "groups">;

/**
 * The names two copies share, one entry per name: the shared words of one
 * name of `a` together, as `a` writes them ("Radovan Karadžić"). Counted on
 * the side that splits them less, so that "Obama" and "Barack Obama" are one
 * name, and "Barack Obama" and "Obama … Barack" in another copy too.
 */
function sharedNames(a: NameKeys, b: NameKeys, sharedKeys: string[]): string[] {
  const set = new Set(sharedKeys);
  // In the order a writes them, so that a name reads as written.
  const keys = [...a.names.keys()].filter((k) => set.has(k));
  // a's words, grouped as one copy groups them.
  const grouped = (groups: Map<string, number>) => {
    const byGroup = new Map<number, string[]>();
    for (const k of keys) {
      const g = groups.get(k)!;
      const words = byGroup.get(g);
      if (words) words.push(a.names.get(k)!);
      else byGroup.set(g, [a.names.get(k)!]);
    }
    return [...byGroup.values()].map((words) => words.join(" "));
  };
  const inA = grouped(a.groups);
  const inB = grouped(b.groups);
  return inB.length < inA.length ? inB : inA;
}

/**
 * Copies in several languages indexed by the names they carry, so that one
 * article is compared only with the copies in other languages that share
 * enough names to match: matchAcrossLanguages never links a pair sharing
 * fewer than ACROSS_RULE.minNames names, so the pairs left out are pairs it
 * would have refused. Comparing every pair instead cost an ingest run of
 * 11,600 items, one in seven not in English, more than twice its time.
 */
export class AcrossLanguagesIndex<T> {
  private readonly items: { item: T; survivors: Survivors }[] = [];
  /** By language, name key → the items that carry it, by their place in `items`: an article reads only the other languages' lists ("Reuter" ends every English wire story). */
  private readonly postings = new Map<string, Map<string, number[]>>();
  /** Items by language. */
  private readonly sizes = new Map<string, number>();
  private counts = new Int32Array(0);

  add(item: T, language: string, survivors: Survivors): void {
    const at = this.items.length;
    this.items.push({ item, survivors });
    this.sizes.set(language, (this.sizes.get(language) ?? 0) + 1);
    let byKey = this.postings.get(language);
    if (!byKey) this.postings.set(language, (byKey = new Map()));
    for (const key of [...survivors.names.keys(), ...[...survivors.sound.names.keys()].map((k) => SOUND_KEY + k)]) {
      const list = byKey.get(key);
      if (list) list.push(at);
      else byKey.set(key, [at]);
    }
  }

  get size(): number {
    return this.items.length;
  }

  /** The names common in this index's copy in `language` (ACROSS_RULE.commonShare of it, and more than commonMin copies). */
  common(language: string): CommonName {
    const byKey = this.postings.get(language);
    const limit = Math.max(ACROSS_RULE.commonMin, ACROSS_RULE.commonShare * (this.sizes.get(language) ?? 0));
    return (key) => (byKey?.get(key)?.length ?? 0) > limit;
  }

  /**
   * The items in a language other than `language` that share at least
   * ACROSS_RULE.minNames names with `s`, by letters or by sound (the keys the
   * match may compare), in the order they were added.
   */
  sharing(language: string, s: Survivors): { item: T; survivors: Survivors }[] {
    if (this.counts.length < 2 * this.items.length) this.counts = new Int32Array(Math.max(2 * this.items.length, 2 * this.counts.length));
    // Letters' counts at [i], sounds' at [n + i].
    const counts = this.counts;
    const n = this.items.length;
    const touched: number[] = [];
    const count = (byKey: Map<string, number[]>, keys: Iterable<string>, offset: number, prefix: string) => {
      for (const key of keys) {
        const list = byKey.get(prefix + key);
        if (!list) continue;
        for (const i of list) {
          if (counts[i]! === 0 && counts[n + i]! === 0) touched.push(i);
          counts[offset + i]!++;
        }
      }
    };
    for (const [other, byKey] of this.postings) {
      if (other === language) continue;
      count(byKey, s.names.keys(), 0, "");
      count(byKey, s.sound.names.keys(), n, SOUND_KEY);
    }
    const out: { item: T; survivors: Survivors }[] = [];
    touched.sort((x, y) => x - y);
    for (const i of touched) {
      if (counts[i]! >= ACROSS_RULE.minNames || counts[n + i]! >= ACROSS_RULE.minNames) out.push(this.items[i]!);
      counts[i] = 0;
      counts[n + i] = 0;
    }
    return out;
  }
}
