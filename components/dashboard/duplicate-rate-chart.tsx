"use client";
// Per source, the share of its articles already seen elsewhere: horizontal bars.
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { SourceDuplicateRate } from "@/lib/schemas/dashboard";
import { ChartFrame, td, th } from "./chart-frame";
import { useChartTheme } from "./theme";

const pct = (r: number) => `${Math.round(r * 100)}%`;

export function DuplicateRateChart({ rates }: { rates: SourceDuplicateRate[] }) {
  const theme = useChartTheme();
  const data = rates.map((r) => ({ ...r, label: `${pct(r.rate)} (${r.duplicates} of ${r.articles})` }));
  const worst = rates.filter((r) => r.duplicates > 0).slice(0, 3);
  const caption = (
    <>
      Share of each source&apos;s articles in this range that have an open or confirmed duplicate link, highest first.
      <span className="sr-only">
        {" "}
        {worst.length ? worst.map((r) => `${r.name}: ${pct(r.rate)} (${r.duplicates} of ${r.articles})`).join("; ") + "." : "No source has a duplicate in this range."}
      </span>
    </>
  );
  const table = (
    <table className="w-full text-xs">
      <caption className="sr-only">Duplicate rate per source</caption>
      <thead>
        <tr>
          <th scope="col" className={th}>Source</th>
          <th scope="col" className={th}>Articles</th>
          <th scope="col" className={th}>With a duplicate</th>
          <th scope="col" className={th}>Rate</th>
        </tr>
      </thead>
      <tbody>
        {rates.map((r) => (
          <tr key={r.sourceId ?? "none"}>
            <th scope="row" className={`${td} font-normal`}>{r.name}</th>
            <td className={td}>{r.articles}</td>
            <td className={td}>{r.duplicates}</td>
            <td className={td}>{pct(r.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFrame title="Duplicate rate per source" caption={caption} table={table}>
      <BarChart
        layout="vertical"
        responsive
        accessibilityLayer={false}
        style={{ width: "100%", height: 40 + 28 * data.length }}
        data={data}
        margin={{ top: 4, right: 120, bottom: 4, left: 0 }}
      >
        <CartesianGrid horizontal={false} stroke={theme.grid} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={pct} ticks={[0, 0.25, 0.5, 0.75, 1]} tick={{ fill: theme.text, fontSize: 12 }} stroke={theme.grid} />
        <YAxis type="category" dataKey="name" width={180} interval={0} tick={{ fill: theme.text, fontSize: 12 }} stroke={theme.grid} />
        <Tooltip
          formatter={(_v, _n, item) => [(item.payload as (typeof data)[number]).label, "Duplicates"]}
          contentStyle={{ ...theme.tooltip, borderRadius: 6, fontSize: 12 }}
          labelStyle={{ color: theme.tooltip.color, fontWeight: 600 }}
          cursor={{ fill: theme.grid, opacity: 0.4 }}
        />
        <Bar dataKey="rate" fill={theme.series("s1")} barSize={16} isAnimationActive={false} minPointSize={2}>
          <LabelList dataKey="label" position="right" fill={theme.text} fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
