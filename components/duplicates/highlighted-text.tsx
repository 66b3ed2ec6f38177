// A text compared with another: what both share reads plainly, and only what
// this side alone has is marked, strongly (the first copy's as removed, the
// second's as added), paragraphs kept.
type Range = [number, number];

export type Side = "first" | "second";

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

interface Part {
  text: string;
  differs: boolean;
}

/**
 * The text cut into shared and differing parts. Only words differ: the
 * punctuation and spaces at a difference's edges (the full stop that ends
 * a shared sentence, a paragraph break) stay unmarked, and a difference
 * across paragraphs is marked in each.
 */
export function compareParts(text: string, ranges: Range[]): Part[] {
  const parts: Part[] = [];
  const plain = (t: string) => t && parts.push({ text: t, differs: false });
  const gap = (t: string) => {
    for (const piece of t.split(/(\s*\n\s*)/)) {
      const [, lead, core, trail] = /^([\s\p{P}]*)([\s\S]*?)(\s*)$/u.exec(piece)!;
      if (!core) {
        plain(piece);
        continue;
      }
      plain(lead!);
      parts.push({ text: core, differs: true });
      plain(trail!);
    }
  };
  let at = 0;
  for (const [s, e] of merge(ranges)) {
    if (s > at) gap(text.slice(at, s));
    plain(text.slice(s, e));
    at = e;
  }
  if (at < text.length) gap(text.slice(at));
  return parts;
}

export const differenceClass: Record<Side, string> = {
  first: "rounded-sm bg-rose-200 px-0.5 text-rose-950 no-underline ring-1 ring-rose-400 dark:bg-rose-900 dark:text-rose-50 dark:ring-rose-500",
  second: "rounded-sm bg-emerald-200 px-0.5 text-emerald-950 no-underline ring-1 ring-emerald-500 dark:bg-emerald-900 dark:text-emerald-50 dark:ring-emerald-500",
};

export function HighlightedText({ text, ranges, side }: { text: string; ranges: Range[]; side: Side }) {
  const Mark = side === "first" ? "del" : "ins";
  return (
    <div className="whitespace-pre-wrap text-sm leading-relaxed" data-testid="compared-text">
      {compareParts(text, ranges).map((p, i) =>
        p.differs ? (
          <Mark key={i} className={differenceClass[side]} data-testid="difference">{p.text}</Mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
