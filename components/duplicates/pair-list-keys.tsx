"use client";

import { useKeys } from "@/lib/ui/keys";

const ROWS = "a[data-testid=link-row]";

/** j/k move the focus through the listed pairs (Enter, the link's own key, opens one). */
export function PairListKeys() {
  const move = (by: 1 | -1) => {
    const rows = [...document.querySelectorAll<HTMLAnchorElement>(ROWS)];
    if (rows.length === 0) return;
    const at = rows.indexOf(document.activeElement as HTMLAnchorElement);
    const to = at < 0 ? (by === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + by));
    rows[to]!.focus();
    rows[to]!.scrollIntoView({ block: "nearest" });
  };
  useKeys({ j: () => move(1), k: () => move(-1) });
  return null;
}
