// A text with the passages it shares with another marked, paragraphs kept.
type Range = [number, number];

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

export function HighlightedText({ text, ranges }: { text: string; ranges: Range[] }) {
  const parts: { text: string; shared: boolean }[] = [];
  let at = 0;
  for (const [s, e] of merge(ranges)) {
    if (s > at) parts.push({ text: text.slice(at, s), shared: false });
    parts.push({ text: text.slice(s, e), shared: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), shared: false });
  return (
    <div className="whitespace-pre-wrap text-sm leading-relaxed" data-testid="compared-text">
      {parts.map((p, i) =>
        p.shared ? (
          <mark key={i} className="rounded-sm bg-amber-100 text-inherit dark:bg-amber-900/60">{p.text}</mark>
        ) : (
          // Text only one side has: the differences an editor looks for.
          <span key={i} className="text-stone-600 dark:text-stone-400 underline decoration-rose-400 decoration-2 underline-offset-2 dark:text-stone-400">{p.text}</span>
        ),
      )}
    </div>
  );
}
