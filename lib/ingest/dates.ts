// Dates as copy in the beat's languages writes them, read alike: the
// dateline parser asks whether a dateline's date names a month, and the
// same-story step across languages counts a date as one figure.

// Month names in the beat's languages (Ukrainian and Russian in the genitive a date takes), numbered 1-12.
// Left out: abbreviations that are words elsewhere ("ago" in "5 ago", "out", "set", "mar").
const MONTH_NAMES: string[][] = [
  ["january", "jan", "enero", "ene", "janvier", "janv", "gennaio", "januar", "jänner", "janeiro", "січня", "января"],
  ["february", "feb", "febrero", "février", "fevrier", "févr", "febbraio", "februar", "fevereiro", "fev", "лютого", "февраля"],
  ["march", "marzo", "mars", "märz", "março", "березня", "марта"],
  ["april", "apr", "abril", "abr", "avril", "avr", "aprile", "квітня", "апреля"],
  ["may", "mayo", "mai", "maggio", "maio", "травня", "мая"],
  ["june", "jun", "junio", "juin", "giugno", "juni", "junho", "червня", "июня"],
  ["july", "jul", "julio", "juillet", "juil", "luglio", "juli", "julho", "липня", "июля"],
  ["august", "aug", "agosto", "août", "aout", "серпня", "августа"],
  ["september", "sep", "sept", "septiembre", "setiembre", "septembre", "settembre", "setembro", "вересня", "сентября"],
  ["october", "oct", "octubre", "octobre", "ottobre", "oktober", "okt", "outubro", "жовтня", "октября"],
  ["november", "nov", "noviembre", "novembre", "novembro", "листопада", "ноября"],
  ["december", "dec", "diciembre", "dic", "décembre", "decembre", "déc", "dicembre", "dezember", "dez", "dezembro", "грудня", "декабря"],
];
const MONTH = new Map<string, number>(MONTH_NAMES.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
/** English months that are also English words: a date only when capitalised ("they may 12", "march 5 miles"). */
const MONTH_WORDS = new Set(["may", "march"]);
// "5 October", "5 de octubre", "1er octobre", "5. Oktober", "5 жовтня"; "October 5", "Oct. 5th".
const DAY_MONTH = /\b([0-3]?\d)(?:er|º|\.)?\s+(?:de\s+)?(\p{L}+)/gu;
const MONTH_DAY = /\b(\p{L}+)\.?\s+([0-3]?\d)(?:st|nd|rd|th)?\b/gu;

function monthOf(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (MONTH_WORDS.has(lower) && word[0] === lower[0]) return undefined;
  return MONTH.get(lower);
}

/**
 * The dates a text gives, as "d:MM-DD" keys, and the spans they take (whose
 * day numbers are then no figure of their own): "5 October", "5 de octubre",
 * "le 5 octobre", "5 жовтня" and "October 5" are one date in any language.
 */
export function dateKeys(text: string): { keys: Set<string>; spans: [number, number][] } {
  const keys = new Set<string>();
  const spans: [number, number][] = [];
  const take = (day: string, month: number | undefined, at: number, len: number) => {
    const d = Number(day);
    if (month === undefined || d < 1 || d > 31) return;
    keys.add(`d:${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
    spans.push([at, at + len]);
  };
  for (const m of text.matchAll(DAY_MONTH)) take(m[1]!, monthOf(m[2]!), m.index, m[0].length);
  for (const m of text.matchAll(MONTH_DAY)) take(m[2]!, monthOf(m[1]!), m.index, m[0].length);
  return { keys, spans };
}
