import * as chrono from "chrono-node";

// Aggregator pages stamp items with ages ("10 hours ago") instead of dates;
// they only mean something against the moment the page was ingested.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
};

const RELATIVE_RE =
  /^(?:(?:updated|published|posted)\s+)?(an?|one|\d{1,4})\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)\s+ago\.?$/i;
const WORD_RE = /^(?:(?:updated|published|posted)\s+)?(just now|now|today|yesterday)$/i;

function unitName(raw: string): string | undefined {
  const u = raw.toLowerCase();
  if (u.startsWith("mo")) return "month";
  if (u.startsWith("s")) return "second";
  if (u.startsWith("m")) return "minute";
  if (u.startsWith("h")) return "hour";
  if (u.startsWith("d")) return "day";
  if (u.startsWith("w")) return "week";
  if (u.startsWith("y")) return "year";
  return undefined;
}

/** "10 hours ago", "a day ago", "yesterday" → the moment it names; undefined otherwise. */
export function parseRelativeAge(text: string, now: Date): Date | undefined {
  const line = text.trim();
  const word = WORD_RE.exec(line)?.[1]?.toLowerCase();
  // "yesterday" counts as a full day back, the same as "a day ago"
  if (word) return new Date(now.getTime() - (word === "yesterday" ? DAY : 0));
  const m = RELATIVE_RE.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  const count = /^\d+$/.test(m[1]) ? Number(m[1]) : 1;
  const unit = unitName(m[2]);
  const ms = unit ? UNIT_MS[unit] : undefined;
  if (ms === undefined) return undefined;
  return new Date(now.getTime() - count * ms);
}

/**
 * The date a short date-only line names: a relative age, or an absolute date
 * such as "June 8, 2025" (chrono-node) when the date is the whole line.
 */
export function parseAgeLine(text: string, now: Date): Date | undefined {
  const line = text.trim();
  if (line.length === 0 || line.length > 40) return undefined;
  const relative = parseRelativeAge(line, now);
  if (relative) return relative;
  if (!/\d/.test(line)) return undefined; // a bare weekday or month is too weak a signal
  const results = chrono.parse(line, now, { forwardDate: false });
  const first = results[0];
  if (results.length !== 1 || !first) return undefined;
  if (first.text.length < line.replace(/[.\s]+$/, "").length * 0.9) return undefined;
  return first.start.date();
}

export function isAgeLine(text: string): boolean {
  // The reference time does not matter for recognising the shape.
  return parseAgeLine(text, new Date(0)) !== undefined;
}
