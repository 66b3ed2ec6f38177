import { z } from "zod";

import { hashString } from "./hash";

// Parameters of the duplicate engine. The fingerprint parameters fix what is
// stored per article (changing them means re-fingerprinting the store); the
// thresholds only decide how a verified pair is classified and can change at
// any time. Reasons for every default: docs/decisions/003-duplicate-detection.md.

export interface FingerprintConfig {
  /** Words per shingle. */
  shingleSize: number;
  /** LSH bands; the MinHash signature has bands × rows values. */
  bands: number;
  /** MinHash values per band. */
  rows: number;
  /** Winnowing window, in shingles: every shared run of anchorWindow + shingleSize - 1 words shares an anchor. */
  anchorWindow: number;
  /** Seed of the MinHash hash family; fingerprints only compare under the same seed. */
  seed: number;
  /** Words read per text; the rest of a longer text is not fingerprinted. */
  maxTokens: number;
}

export const DEFAULT_FINGERPRINT_CONFIG: FingerprintConfig = {
  shingleSize: 4,
  bands: 20,
  rows: 4,
  anchorWindow: 16,
  seed: 0x5eed_d0c5,
  maxTokens: 50_000,
};

export const fingerprintConfigSchema = z
  .object({
    shingleSize: z.number().int().min(1).max(16),
    bands: z.number().int().min(1).max(256),
    rows: z.number().int().min(1).max(32),
    anchorWindow: z.number().int().min(1).max(1024),
    seed: z.number().int().min(0).max(0xffff_ffff),
    maxTokens: z.number().int().min(16).max(10_000_000),
  })
  .strict();

/** Short id of a fingerprint config, stored with each fingerprint so that mixed configs are never compared. */
export function configId(cfg: FingerprintConfig): string {
  const c = `${cfg.shingleSize}/${cfg.bands}/${cfg.rows}/${cfg.anchorWindow}/${cfg.seed}/${cfg.maxTokens}`;
  return hashString(c).toString(36);
}

export interface DuplicateThresholds {
  /** Shortest run of equal words counted as a shared passage. */
  minPassageTokens: number;
  near: {
    /** Share of each text covered by shared passages. */
    minCoverage: number;
  };
  contains: {
    /** Share of the smaller text covered by passages it shares with the larger one. */
    minCoverage: number;
    /** Words the smaller text must have: a caption or a one-line brief is not "contained". */
    minTokens: number;
  };
  sameStory: {
    /** Only passages at least this long count as shared copy for a rewrite. */
    minPassageTokens: number;
    /** Words in such passages, in total. */
    minSharedTokens: number;
    /** Share of the smaller text they cover. */
    minCoverage: number;
  };
}

export const DEFAULT_THRESHOLDS: DuplicateThresholds = {
  minPassageTokens: 5,
  near: { minCoverage: 0.8 },
  contains: { minCoverage: 0.9, minTokens: 25 },
  sameStory: { minPassageTokens: 8, minSharedTokens: 30, minCoverage: 0.1 },
};

const share = z.number().min(0).max(1);
const words = z.number().int().min(1).max(100_000);

/** Thresholds from configuration or a form: every field optional, defaults filled in. */
export const thresholdsSchema = z
  .object({
    minPassageTokens: words.default(DEFAULT_THRESHOLDS.minPassageTokens),
    near: z.object({ minCoverage: share.default(DEFAULT_THRESHOLDS.near.minCoverage) }).strict().prefault({}),
    contains: z
      .object({
        minCoverage: share.default(DEFAULT_THRESHOLDS.contains.minCoverage),
        minTokens: words.default(DEFAULT_THRESHOLDS.contains.minTokens),
      })
      .strict()
      .prefault({}),
    sameStory: z
      .object({
        minPassageTokens: words.default(DEFAULT_THRESHOLDS.sameStory.minPassageTokens),
        minSharedTokens: words.default(DEFAULT_THRESHOLDS.sameStory.minSharedTokens),
        minCoverage: share.default(DEFAULT_THRESHOLDS.sameStory.minCoverage),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** Parse thresholds from untrusted input (env, settings form); throws a ZodError naming the bad field. */
export function parseThresholds(input: unknown): DuplicateThresholds {
  return thresholdsSchema.parse(input ?? {});
}
