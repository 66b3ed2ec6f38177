"use client";
// The dashboard: a range switcher, what is waiting, and the charts for the range.
import Link from "next/link";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dashboardKeys, dashboardQueries } from "@/lib/queries/dashboard";
import { dashboardRange, RANGE_LABELS, type Dashboard, type DashboardRange } from "@/lib/schemas/dashboard";
import { OverTimeChart } from "./over-time-chart";
import { DuplicateRateChart } from "./duplicate-rate-chart";
import { WaitingPanel } from "./waiting-panel";

export function DashboardView({ initialRange }: { initialRange: DashboardRange }) {
  const [range, setRange] = useState(initialRange);
  const q = useQuery({ ...dashboardQueries.range(range), placeholderData: keepPreviousData });
  const qc = useQueryClient();
  // The last range that loaded, to keep on screen when another fails.
  const [shown, setShown] = useState(initialRange);
  if (q.isSuccess && !q.isPlaceholderData && shown !== range) setShown(range);
  const choose = (r: DashboardRange) => {
    setRange(r);
    // Keep the range in the address, so that a reload or a shared link shows the same view.
    const url = new URL(window.location.href);
    url.searchParams.set("range", r);
    window.history.replaceState(null, "", url);
  };
  const d = q.data ?? (q.isError ? qc.getQueryData<Dashboard>(dashboardKeys.range(shown)) : undefined);
  return (
    <div className="space-y-4" aria-busy={q.isFetching}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Dashboard</h1>
        <div role="group" aria-label="Range" className="flex gap-1 rounded-md bg-stone-200/60 p-0.5 text-sm dark:bg-stone-800">
          {dashboardRange.options.map((r) => (
            <button
              key={r}
              type="button"
              aria-pressed={r === range}
              onClick={() => choose(r)}
              className={`rounded px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 ${
                r === range
                  ? "bg-white font-medium text-stone-900 shadow-sm dark:bg-stone-100 dark:text-stone-900"
                  : "text-stone-700 hover:bg-white/70 dark:text-stone-300 dark:hover:bg-stone-700"
              }`}
            >
              <span className="sr-only">Last </span>
              {RANGE_LABELS[r]}
            </button>
          ))}
        </div>
      </div>
      {q.isError && (
        <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          {q.error.message}.{d ? ` Still showing the last ${RANGE_LABELS[d.range]}.` : ""} Check that the server is running, then{" "}
          <button type="button" className="underline" onClick={() => q.refetch()}>try again</button>.
        </p>
      )}
      {!d ? (
        !q.isError && <p className="text-sm text-stone-600 dark:text-stone-400">Loading the figures…</p>
      ) : (
        <>
          <WaitingPanel waiting={d.waiting} />
          <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
            <span className="font-semibold text-stone-900 dark:text-stone-100" data-testid="range-articles">{d.articles}</span>{" "}
            {d.articles === 1 ? "article" : "articles"} in the last {RANGE_LABELS[d.range]}, by publication time (arrival time when a story has none).
            {q.isFetching && q.isPlaceholderData ? " Updating…" : ""}
          </p>
          {d.articles === 0 ? (
            <div className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-700 dark:border-stone-700 dark:text-stone-300">
              <p className="font-medium">No articles in this range yet — ingest a feed or file on the <Link href="/ingest" className="underline focus-visible:outline-2 focus-visible:outline-blue-600">Ingest page</Link>.</p>
              {d.range !== "30d" && (
                <p className="mt-2">
                  Or look further back:{" "}
                  <button type="button" className="underline focus-visible:outline-2 focus-visible:outline-blue-600" onClick={() => choose("30d")}>
                    the last 30 days
                  </button>
                  .
                </p>
              )}
            </div>
          ) : (
            <>
              <div className="grid gap-4 lg:grid-cols-2">
                <OverTimeChart title="Articles per topic" noun="topic" filter="topic" data={d.topics} unit={d.unit} articles={d.articles} />
                <OverTimeChart title="Articles per place" noun="place" filter="place" data={d.places} unit={d.unit} articles={d.articles} />
              </div>
              <DuplicateRateChart rates={d.duplicateRate} />
            </>
          )}
        </>
      )}
    </div>
  );
}
