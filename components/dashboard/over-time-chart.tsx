"use client";
// Articles per topic or place over the range, stacked: the top tags and the rest.
import Link from "next/link";
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { OverTime } from "@/lib/schemas/dashboard";
import { ChartFrame, td, th } from "./chart-frame";
import { bucketLabel, useChartTheme } from "./theme";

export function OverTimeChart({
  title,
  noun,
  filter,
  data,
  unit,
  articles,
}: {
  title: string;
  /** "topic" or "place": for the caption and the empty message. */
  noun: string;
  /** The queue's parameter for this kind of tag. */
  filter: "topic" | "place";
  data: OverTime;
  unit: "hour" | "day";
  articles: number;
}) {
  const theme = useChartTheme();
  const top = data.series.filter((s) => s.code);
  const plural = noun === "topic" ? "topics" : "places";
  const hasOther = data.series.some((s) => s.key === "other");
  const caption =
    data.series.length === 0 ? (
      `None of the ${articles} articles in this range has a ${noun} tag yet.`
    ) : (
      <>
        Articles per {unit} (UTC), stacked: the {top.length} {plural} with the most articles{hasOther ? " and the rest" : ""}. An article with
        two of them counts under both.{data.untagged ? ` ${data.untagged} of ${articles} articles have no ${noun} tag.` : ""}
        <span className="sr-only"> Totals: {data.series.map((s) => `${s.name} ${s.total}`).join("; ")}.</span>
      </>
    );
  const table = (
    <table className="w-full text-xs">
      <caption className="sr-only">{title}, articles per {unit}</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>{unit === "hour" ? "Hour (UTC)" : "Day (UTC)"}</th>
          {data.series.map((s) => <th key={s.key} scope="col" className={th}>{s.name}</th>)}
        </tr>
      </thead>
      <tbody>
        {data.points.map((p) => (
          <tr key={p.start}>
            <th scope="row" className={`${td} font-normal`}>{bucketLabel(p.start, unit, true)}</th>
            {data.series.map((s) => <td key={s.key} className={td}>{p[s.key]}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const legend = data.series.length > 0 && (
    <ul aria-label={`${title}: legend`} className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {data.series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ background: theme.series(s.key) }} />
          {s.code ? (
            <Link
              href={`/?${new URLSearchParams({ [filter]: s.code })}`}
              className="underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600"
              aria-label={`${s.name}: ${s.total} ${s.total === 1 ? "article" : "articles"}, open in the queue`}
            >
              {s.name}
            </Link>
          ) : (
            <span>{s.name}</span>
          )}
          <span className="tabular-nums text-stone-500 dark:text-stone-400" aria-hidden={s.code ? "true" : undefined}>{s.total}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <ChartFrame title={title} caption={caption} table={table} legend={legend}>
      {data.series.length === 0 ? (
        <p className="flex h-56 items-center justify-center rounded border border-dashed border-stone-300 text-sm text-stone-600 dark:border-stone-700 dark:text-stone-400">
          No {noun} tags in this range. Tags appear as articles are ingested; accept or add them on an article&apos;s page.
        </p>
      ) : (
        <AreaChart responsive accessibilityLayer={false} style={{ width: "100%", height: 224 }} data={data.points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke={theme.grid} />
          <XAxis
            dataKey="start"
            tickFormatter={(v: string) => bucketLabel(v, unit)}
            tick={{ fill: theme.text, fontSize: 12 }}
            stroke={theme.grid}
            minTickGap={12}
          />
          <YAxis allowDecimals={false} width={32} tick={{ fill: theme.text, fontSize: 12 }} stroke={theme.grid} />
          <Tooltip
            labelFormatter={(v) => bucketLabel(String(v), unit, true)}
            contentStyle={{ ...theme.tooltip, borderRadius: 6, fontSize: 12 }}
            labelStyle={{ color: theme.tooltip.color, fontWeight: 600 }}
          />
          {data.series.map((s) => (
            <Area
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.name}
              stackId="1"
              stroke={theme.series(s.key)}
              fill={theme.series(s.key)}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      )}
    </ChartFrame>
  );
}
