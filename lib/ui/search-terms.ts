// The words of a queue search worth marking in the rows: the positive words and
// phrases, not exclusions (-word) and not the OR operator.
export function highlightTerms(q: string | undefined): string[] {
  if (!q) return [];
  const terms: string[] = [];
  for (const m of q.normalize("NFKC").matchAll(/(-?)"([^"]+)"|(-?)([^\s"]+)/g)) {
    const negated = (m[1] ?? m[3]) === "-";
    const text = (m[2] ?? m[4] ?? "").trim();
    if (negated || !text || text === "OR") continue;
    const words = text.match(/[\p{L}\p{N}]+/gu);
    if (words) terms.push(words.join(" "));
  }
  return terms;
}
