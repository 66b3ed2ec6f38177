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
  /**
   * Bands of a second MinHash over the text's names, figures and rare words
   * (0: none, as before 011). Rewrites keep these while their wording changes,
   * so they find rewrites that share no long passage.
   */
  nameBands: number;
  /** MinHash values per name band. */
  nameRows: number;
  /**
   * Bands of a third MinHash, over the names, figures and rare words of the
   * text's first leadTokens words (0: none, as before 011's addendum of
   * 2026-12-07). Another paper's brief retells a wire story's lead: its names
   * are the lead's, a small part of the whole story's, so the whole-text name
   * bands rarely meet; the lead's do. Kept in the index only for texts
   * longer than their lead (fingerprint.ts, LEAD_STORED_SHARE).
   */
  leadBands: number;
  /** MinHash values per lead band. */
  leadRows: number;
  /** Words of the text read as its lead. */
  leadTokens: number;
}

export const DEFAULT_FINGERPRINT_CONFIG: FingerprintConfig = {
  shingleSize: 4,
  bands: 20,
  rows: 4,
  anchorWindow: 16,
  seed: 0x5eed_d0c5,
  maxTokens: 50_000,
  nameBands: 12,
  nameRows: 3,
  leadBands: 12,
  leadRows: 4,
  leadTokens: 80,
};

export const fingerprintConfigSchema = z
  .object({
    shingleSize: z.number().int().min(1).max(16),
    bands: z.number().int().min(1).max(256),
    rows: z.number().int().min(1).max(32),
    anchorWindow: z.number().int().min(1).max(1024),
    seed: z.number().int().min(0).max(0xffff_ffff),
    maxTokens: z.number().int().min(16).max(10_000_000),
    nameBands: z.number().int().min(0).max(64),
    nameRows: z.number().int().min(1).max(32),
    leadBands: z.number().int().min(0).max(62),
    leadRows: z.number().int().min(1).max(32),
    leadTokens: z.number().int().min(16).max(10_000),
  })
  .strict();

/** Short id of a fingerprint config, stored with each fingerprint so that mixed configs are never compared. */
export function configId(cfg: FingerprintConfig): string {
  // Without name bands the id is the one stores fingerprinted before them carry.
  const names = cfg.nameBands > 0 ? `/n${cfg.nameBands}x${cfg.nameRows}` : "";
  // Lead bands ride on the name bands (no names, no lead); without them the id is the one stores carried before.
  const lead = cfg.nameBands > 0 && cfg.leadBands > 0 ? `/l${cfg.leadBands}x${cfg.leadRows}x${cfg.leadTokens}` : "";
  const c = `${cfg.shingleSize}/${cfg.bands}/${cfg.rows}/${cfg.anchorWindow}/${cfg.seed}/${cfg.maxTokens}${names}${lead}`;
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
  rewrite: {
    /** Distinct names, rare words and figures (3 digits or more, not years) both texts carry, for a rewrite told by them. */
    minSharedSalient: number;
    /** Their share of the smaller text's names and figures. */
    minSalientShare: number;
    /** Their share of the larger text's. */
    minSalientShareOfLarger: number;
    /** Share of the smaller text's content words the other has too. */
    minContentShare: number;
    /** Their share of the larger text's. */
    minContentShareOfLarger: number;
    /** Share of names and figures asked of a rewrite found by shared passages (boilerplate shares passages, not names). */
    minSalientShareWithPassages: number;
    /**
     * A rewrite told by names and figures alone, without a shared passage,
     * only between two sources: a rewrite is one publisher's telling of
     * another's story, and a source's own stories that share names and no
     * passage are its next stories on the subject (the next day's statement of
     * the same minister, the next bonus notice of the same agency), which its
     * updates and corrections already join when they are the same story.
     */
    namesAcrossSourcesOnly: boolean;
    /**
     * Hours apart beyond which a rewrite is not told by names alone (when both
     * times are known): another paper's rewrite or brief follows the story
     * within a day or two; copy sharing its names a week later is the running
     * story's next chapter, which would make one story of a month's coverage.
     */
    namesMaxHours: number;
    /** Figures put in others' places that a rewrite may have. */
    maxFigureChanges: number;
  };
  template: {
    /** Share of each text in the order both share above which a figure or name put in another's place means another item. */
    minAlignedCoverage: number;
    /** A changed name counts this much of a changed figure. */
    nameWeight: number;
    /** Changed figures and names, as a share of the distinct names and figures both texts share, that make another item. */
    minChangedShare: number;
  };
  correction: {
    /** Share of each text aligned for a text marked corrected to be the correction of the other. */
    minAlignedCoverage: number;
    /** Hours within which the same source re-sending a text with figures changed (same headline) is a correction, not another notice. */
    maxResendHours: number;
  };
  update: {
    /** Share of the older version found, in order, in the newer. */
    minOlderCoverage: number;
    /** New words in the newer version (in passages of 6 words or more). */
    minAddedWords: number;
    /** Days between the two versions, when their times are known. */
    maxDays: number;
    /** Figures the newer version may have changed. */
    maxFigureChanges: number;
  };
}

export const DEFAULT_THRESHOLDS: DuplicateThresholds = {
  minPassageTokens: 5,
  near: { minCoverage: 0.8 },
  contains: { minCoverage: 0.9, minTokens: 25 },
  sameStory: { minPassageTokens: 8, minSharedTokens: 30, minCoverage: 0.1 },
  rewrite: { minSharedSalient: 6, minSalientShare: 0.4, minSalientShareOfLarger: 0.2, minContentShare: 0.3, minContentShareOfLarger: 0.15, minSalientShareWithPassages: 0.2, namesAcrossSourcesOnly: true, namesMaxHours: 72, maxFigureChanges: 1 },
  template: { minAlignedCoverage: 0.5, nameWeight: 0.5, minChangedShare: 0.1 },
  correction: { minAlignedCoverage: 0.5, maxResendHours: 6 },
  update: { minOlderCoverage: 0.8, minAddedWords: 12, maxDays: 2, maxFigureChanges: 3 },
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
    rewrite: z
      .object({
        minSharedSalient: words.default(DEFAULT_THRESHOLDS.rewrite.minSharedSalient),
        minSalientShare: share.default(DEFAULT_THRESHOLDS.rewrite.minSalientShare),
        minSalientShareOfLarger: share.default(DEFAULT_THRESHOLDS.rewrite.minSalientShareOfLarger),
        minContentShare: share.default(DEFAULT_THRESHOLDS.rewrite.minContentShare),
        minContentShareOfLarger: share.default(DEFAULT_THRESHOLDS.rewrite.minContentShareOfLarger),
        minSalientShareWithPassages: share.default(DEFAULT_THRESHOLDS.rewrite.minSalientShareWithPassages),
        namesAcrossSourcesOnly: z.boolean().default(DEFAULT_THRESHOLDS.rewrite.namesAcrossSourcesOnly),
        namesMaxHours: z.number().min(0).max(100_000).default(DEFAULT_THRESHOLDS.rewrite.namesMaxHours),
        maxFigureChanges: z.number().int().min(0).max(1000).default(DEFAULT_THRESHOLDS.rewrite.maxFigureChanges),
      })
      .strict()
      .prefault({}),
    template: z
      .object({
        minAlignedCoverage: share.default(DEFAULT_THRESHOLDS.template.minAlignedCoverage),
        nameWeight: z.number().min(0).max(10).default(DEFAULT_THRESHOLDS.template.nameWeight),
        minChangedShare: share.default(DEFAULT_THRESHOLDS.template.minChangedShare),
      })
      .strict()
      .prefault({}),
    correction: z
      .object({
        minAlignedCoverage: share.default(DEFAULT_THRESHOLDS.correction.minAlignedCoverage),
        maxResendHours: z.number().min(0).max(8760).default(DEFAULT_THRESHOLDS.correction.maxResendHours),
      })
      .strict()
      .prefault({}),
    update: z
      .object({
        minOlderCoverage: share.default(DEFAULT_THRESHOLDS.update.minOlderCoverage),
        minAddedWords: words.default(DEFAULT_THRESHOLDS.update.minAddedWords),
        maxDays: z.number().min(0).max(3650).default(DEFAULT_THRESHOLDS.update.maxDays),
        maxFigureChanges: z.number().int().min(0).max(1000).default(DEFAULT_THRESHOLDS.update.maxFigureChanges),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/** Parse thresholds from untrusted input (env, settings form); throws a ZodError naming the bad field. */
export function parseThresholds(input: unknown): DuplicateThresholds {
  return thresholdsSchema.parse(input ?? {});
}
