import { readFileSync } from "node:fs";

import { expect } from "vitest";
import { IngestInputError, type ParseOptions } from "../../../lib/ingest/types";

/** Bytes of a committed fixture, found relative to this folder (no machine paths). */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return fixtureBytes(name).toString("utf8");
}

/** The moment relative ages in the tests resolve against. */
export const INGEST_TIME = new Date("2025-06-10T12:00:00Z");

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function opts(name: string, extra: Partial<ParseOptions> = {}): ParseOptions {
  return { name, ingestTime: INGEST_TIME, ...extra };
}

/** Furniture that must never reach a body, in any of its spellings. */
export const FURNITURE_PATTERNS: RegExp[] = [
  /listen to (?:this )?article/i,
  /try our ai features/i,
  /explore what .* can do for you/i,
  /no comments yet/i,
  /related (?:articles|stories)/i,
  /^comments$/im,
  /\b\d+ comments\b/i,
  /share this article/i,
  /subscribe to our newsletter/i,
  /follow us on/i,
  /you may also like/i,
  /^read more/im,
  /\bAdvertisement\b/,
  /\b(?:FILE )?PHOTO:/i,
];

/** Asserts that fn throws a whole-input error whose message matches. */
export function expectInputError(fn: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(IngestInputError);
  expect((caught as Error).message).toMatch(pattern);
}
