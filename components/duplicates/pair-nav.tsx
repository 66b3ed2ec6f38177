"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useKeys } from "@/lib/ui/keys";

const step = "rounded px-2 py-1 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:hover:bg-stone-800";

/** Previous and next pair in the list (j/k or ]/[), and Escape back to the list. */
export function PairNav({ prev, next, listHref, position }: { prev: number | null; next: number | null; listHref: string; position: { at: number; of: number } | null }) {
  const router = useRouter();
  const go = (id: number | null) => id !== null && router.push(`/duplicates/${id}`);
  useKeys({ j: () => go(next), "]": () => go(next), k: () => go(prev), "[": () => go(prev), Escape: () => router.push(listHref) });
  return (
    <nav aria-label="Pairs" className="flex flex-wrap items-center gap-1 text-sm text-stone-600 dark:text-stone-400">
      <Link href={listHref} className={step}>← Duplicates</Link>
      {position && <span className="px-2" data-testid="pair-position">pair {position.at} of {position.of}</span>}
      {prev !== null ? (
        <Link href={`/duplicates/${prev}`} className={step}>Previous <kbd className="text-xs">k</kbd></Link>
      ) : (
        <span className="px-2">first pair</span>
      )}
      {next !== null ? (
        <Link href={`/duplicates/${next}`} className={step}>Next <kbd className="text-xs">j</kbd></Link>
      ) : (
        <span className="px-2">last pair</span>
      )}
    </nav>
  );
}
