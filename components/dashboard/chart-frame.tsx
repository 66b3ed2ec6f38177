"use client";
// A chart as a figure: heading, a caption saying what it shows, the chart,
// and the same figures as a table (hidden until asked for, always there for screen readers).
import { useId, useState, type ReactNode } from "react";

export function ChartFrame({
  title,
  caption,
  legend,
  table,
  children,
}: {
  title: string;
  caption: ReactNode;
  legend?: ReactNode;
  table: ReactNode;
  children: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <div className="mb-1 flex items-start justify-between gap-2">
        <h2 id={`${id}-h`} className="text-base font-semibold">{title}</h2>
        <button
          type="button"
          aria-expanded={showTable}
          aria-controls={`${id}-t`}
          onClick={() => setShowTable((s) => !s)}
          className="shrink-0 rounded px-2 py-0.5 text-xs text-stone-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-stone-300"
        >
          {showTable ? "View as chart" : "View as table"}
        </button>
      </div>
      <figure>
        <figcaption id={`${id}-c`} className="mb-3 text-sm text-stone-600 dark:text-stone-400">{caption}</figcaption>
        {/* The chart is a picture of the table below; screen readers read the table. */}
        <div aria-hidden="true" className={showTable ? "hidden" : undefined}>{children}</div>
        <div id={`${id}-t`} className={showTable ? "max-h-80 overflow-auto" : "sr-only"}>{table}</div>
        {legend && !showTable && legend}
      </figure>
    </section>
  );
}

export const th = "border-b border-stone-200 px-2 py-1 text-left font-medium dark:border-stone-700";
export const td = "border-b border-stone-100 px-2 py-1 tabular-nums dark:border-stone-800";
