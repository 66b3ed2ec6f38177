import { Fragment } from "react";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The searched words marked in a headline or excerpt. Terms match at the start of a word,
 * as the search index does (the last word of a search is a prefix); phrases match across any
 * spacing. One pass with one pattern, so overlapping terms never nest marks.
 */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const usable = terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (usable.length === 0) return <>{text}</>;
  const alternatives = usable
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/\s+/).map(escape).join("[\\s\\p{P}]+"));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})`, "giu");
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0) continue;
    out.push(<Fragment key={`t${last}`}>{text.slice(last, m.index)}</Fragment>);
    out.push(
      <mark key={`m${m.index}`} className="rounded-sm bg-yellow-200 px-0.5 text-stone-900 dark:bg-amber-800 dark:text-amber-50">
        {m[0]}
      </mark>,
    );
    last = m.index + m[0].length;
  }
  out.push(<Fragment key="end">{text.slice(last)}</Fragment>);
  return <>{out}</>;
}
