"use client";
// Chart colours for light and dark pages. SVG takes its colours from props,
// not from Tailwind classes, so the page's theme (lib/ui/theme.ts) is read here.
import { useDark } from "@/lib/ui/theme";

// Same hues in the same order in both schemes, so that a series keeps its colour;
// each at least 3:1 against its background (stone-50/white, stone-900).
const series = {
  light: ["#2563eb", "#ea580c", "#059669", "#db2777", "#a16207", "#7c3aed"],
  dark: ["#60a5fa", "#fb923c", "#34d399", "#f472b6", "#facc15", "#a78bfa"],
};

export interface ChartTheme {
  series: (key: string) => string;
  text: string;
  grid: string;
  tooltip: { background: string; border: string; color: string };
}

export function useChartTheme(): ChartTheme {
  const dark = useDark();
  const palette = dark ? series.dark : series.light;
  return {
    // "other" is grey; s0..s5 take the palette in order.
    series: (key) => (key === "other" ? (dark ? "#a8a29e" : "#78716c") : palette[Number(key.slice(1)) % palette.length]!),
    text: dark ? "#d6d3d1" : "#44403c",
    grid: dark ? "#44403c" : "#e7e5e4",
    tooltip: dark
      ? { background: "#1c1917", border: "#57534e", color: "#f5f5f4" }
      : { background: "#ffffff", border: "#d6d3d1", color: "#1c1917" },
  };
}

/** Bucket labels in UTC: the hour for a day's view, the date for a month's. */
export function bucketLabel(iso: string, unit: "hour" | "day", long = false): string {
  const d = new Date(iso);
  if (unit === "hour") {
    const hour = d.toLocaleTimeString("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });
    return long ? `${d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short" })}, ${hour} UTC` : hour;
  }
  return d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", ...(long ? { weekday: "short" } : {}) });
}
