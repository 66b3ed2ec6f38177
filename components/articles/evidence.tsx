"use client";
// When an editor focuses a tag, the words that suggested it are highlighted
// in the article body. The CSS Custom Highlight API marks text ranges without
// touching the DOM, so it works the same over plain paragraphs and over the
// sanitized HTML of a page, and React's tree stays as rendered.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

interface Evidence {
  terms: string[];
  show: (terms: string[]) => void;
}

const EvidenceContext = createContext<Evidence>({ terms: [], show: () => {} });

export function EvidenceProvider({ children }: { children: ReactNode }) {
  const [terms, show] = useState<string[]>([]);
  return <EvidenceContext.Provider value={{ terms, show }}>{children}</EvidenceContext.Provider>;
}

export const useEvidence = () => useContext(EvidenceContext);

/** Every case-insensitive occurrence of the terms in the text nodes under root, as ranges. */
export function findRanges(root: Node, terms: string[]): Range[] {
  const wanted = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length >= 2))];
  if (wanted.length === 0) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? "").toLowerCase();
    for (const term of wanted) {
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
        // Whole words only: "war" is evidence, "award" is not.
        const before = text[at - 1];
        const after = text[at + term.length];
        if ((before && /[\p{L}\p{N}]/u.test(before)) || (after && /[\p{L}\p{N}]/u.test(after))) continue;
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + term.length);
        ranges.push(r);
      }
    }
  }
  return ranges;
}

/** The article body, with the focused tag's evidence highlighted. */
export function EvidenceBody({ children }: { children: ReactNode }) {
  const { terms } = useEvidence();
  const root = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!root.current || typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const ranges = findRanges(root.current, terms);
    if (ranges.length) CSS.highlights.set("evidence", new Highlight(...ranges));
    else CSS.highlights.delete("evidence");
    setCount(ranges.length);
    return () => void CSS.highlights.delete("evidence");
  }, [terms]);
  return (
    <div ref={root} data-testid="article-body" data-evidence-count={count}>
      <p className="sr-only" aria-live="polite">
        {terms.length ? `${count} passage${count === 1 ? "" : "s"} highlighted as evidence.` : ""}
      </p>
      {children}
    </div>
  );
}
