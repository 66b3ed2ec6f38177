import type { ReactNode } from "react";

const tones = {
  neutral: "bg-stone-100 text-stone-700 ring-stone-300 dark:bg-stone-800 dark:text-stone-200 dark:ring-stone-600",
  topic: "bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-700",
  place: "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-700",
  warn: "bg-amber-50 text-amber-900 ring-amber-400 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700",
  done: "bg-lime-50 text-lime-900 ring-lime-400 dark:bg-lime-950 dark:text-lime-200 dark:ring-lime-700",
  spiked: "bg-rose-50 text-rose-800 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-700",
} as const;

export type Tone = keyof typeof tones;

export function Badge({ tone = "neutral", dashed, children, title }: { tone?: Tone; dashed?: boolean; children: ReactNode; title?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]} ${dashed ? "ring-dashed opacity-90 [box-shadow:none] outline-dashed outline-1 -outline-offset-1 ring-0" : ""}`}
    >
      {children}
    </span>
  );
}

export function statusTone(status: string): Tone {
  return status === "reviewed" ? "done" : status === "spiked" ? "spiked" : "neutral";
}
