import { ANCHOR_BAND, LEAD_BAND_BASE, NAME_BAND_BASE, type KeyedFingerprint } from "./fingerprint";

/** What the index needs of a fingerprint: what its keys are made of. */
export type IndexedFingerprint = KeyedFingerprint;

// In-memory duplicate index: articles under their LSH band keys and anchors,
// in flat typed arrays (about 11 bytes a key at the default load) so that a
// million articles fit. The store does the same lookup in SQL on its
// (articleId, band, key) table; candidateRule is the part both share.

export interface CandidateHit {
  id: number;
  /** LSH bands the two signatures agree on. */
  bandHits: number;
  /** Anchors (winnowed shingles) the two texts share. */
  anchorHits: number;
  /** Name and lead bands (MinHash of names, figures, rare words: of the whole text, of its lead) the two agree on. */
  nameHits: number;
}

export interface CandidateRule {
  /** Shared anchors that make a candidate… */
  minAnchorHits: number;
  /** …or fewer when either text has only this many anchors or fewer (short texts). */
  shortAnchorCount: number;
  /** Anchors shared by more articles than this are stock phrases and are not looked up. */
  maxAnchorPostings: number;
  /** Name bands that make a candidate on their own (a rewrite sharing no long passage). */
  minNameHits: number;
}

export const DEFAULT_CANDIDATE_RULE: CandidateRule = {
  minAnchorHits: 3,
  shortAnchorCount: 2,
  maxAnchorPostings: 1_000,
  minNameHits: 1,
};

/**
 * Whether a hit is worth verifying: one shared LSH band (resemblance), enough
 * shared name bands (a rewrite in other words), or enough shared anchors (containment, shared passages). Short texts have few
 * anchors, so for them sharing all but none is asked: min(their anchors, 2).
 */
export function isCandidate(
  hit: Pick<CandidateHit, "bandHits" | "anchorHits"> & { nameHits?: number },
  queryAnchors: number,
  candidateAnchors: number,
  rule: CandidateRule = DEFAULT_CANDIDATE_RULE,
): boolean {
  if (hit.bandHits > 0) return true;
  if ((hit.nameHits ?? 0) >= rule.minNameHits) return true;
  const fewest = Math.min(queryAnchors, candidateAnchors);
  const needed = fewest <= rule.shortAnchorCount ? Math.max(1, fewest) : rule.minAnchorHits;
  return hit.anchorHits >= needed;
}

const EMPTY = -1;
/** Postings a key keeps in the open-addressing table before the rest go to an overflow list. */
const HEAVY = 24;
const MAX_LOAD = 0.75;

function slotHash(band: number, key: number): number {
  let h = Math.imul(key ^ Math.imul(band + 1, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

interface Overflow {
  ids: Int32Array;
  n: number;
}

export interface IndexStats {
  articles: number;
  keys: number;
  tableSlots: number;
  overflowKeys: number;
  bytes: number;
}

export class DedupIndex {
  private keys: Int32Array;
  private ids: Int32Array;
  private used = 0;
  private readonly overflow = new Map<number, Overflow>();
  /** Anchor count of each article in the index (also tells which ids are in). */
  private readonly anchorCounts = new Map<number, number>();
  private readonly rule: CandidateRule;

  constructor(opts: { expectedKeys?: number; rule?: Partial<CandidateRule> } = {}) {
    const slots = Math.max(1024, Math.ceil((opts.expectedKeys ?? 0) / 0.65));
    this.keys = new Int32Array(slots);
    this.ids = new Int32Array(slots).fill(EMPTY);
    this.rule = { ...DEFAULT_CANDIDATE_RULE, ...opts.rule };
  }

  get size(): number {
    return this.anchorCounts.size;
  }

  has(id: number): boolean {
    return this.anchorCounts.has(id);
  }

  /** Index an article; ids are non-negative 32-bit integers (the store's article ids). */
  add(id: number, fp: IndexedFingerprint): void {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fff_ffff) throw new RangeError(`article id out of range: ${id}`);
    if (this.anchorCounts.has(id)) throw new Error(`article ${id} is already indexed; remove it first`);
    this.anchorCounts.set(id, fp.anchors.length);
    const n = fp.bandKeys.length + fp.anchors.length + (fp.nameKeys?.length ?? 0) + (fp.leadStored ? (fp.leadKeys?.length ?? 0) : 0);
    if ((this.used + n) / this.keys.length > MAX_LOAD) this.grow(this.used + n);
    fp.bandKeys.forEach((key, band) => this.insert(slotHash(band, key), id));
    fp.nameKeys?.forEach((key, i) => this.insert(slotHash(NAME_BAND_BASE + i, key), id));
    if (fp.leadStored) fp.leadKeys?.forEach((key, i) => this.insert(slotHash(LEAD_BAND_BASE + i, key), id));
    fp.anchors.forEach((key) => this.insert(slotHash(ANCHOR_BAND, key), id));
  }

  /** Take an article out (before re-adding an updated text, say); needs the fingerprint it was added with. */
  remove(id: number, fp: IndexedFingerprint): boolean {
    if (!this.anchorCounts.delete(id)) return false;
    fp.bandKeys.forEach((key, band) => this.delete(slotHash(band, key), id));
    fp.nameKeys?.forEach((key, i) => this.delete(slotHash(NAME_BAND_BASE + i, key), id));
    if (fp.leadStored) fp.leadKeys?.forEach((key, i) => this.delete(slotHash(LEAD_BAND_BASE + i, key), id));
    fp.anchors.forEach((key) => this.delete(slotHash(ANCHOR_BAND, key), id));
    return true;
  }

  /**
   * Articles worth verifying against fp (see isCandidate), most shared keys
   * first. The article itself (excludeId) is left out.
   */
  candidates(fp: IndexedFingerprint, excludeId?: number): CandidateHit[] {
    const hits = new Map<number, CandidateHit>();
    // what: 0 an LSH band, 1 an anchor, 2 a name band
    const count = (id: number, what: number) => {
      const hit = hits.get(id);
      if (hit) {
        if (what === 0) hit.bandHits++;
        else if (what === 1) hit.anchorHits++;
        else hit.nameHits++;
      } else hits.set(id, { id, bandHits: what === 0 ? 1 : 0, anchorHits: what === 1 ? 1 : 0, nameHits: what === 2 ? 1 : 0 });
    };
    const visit = (h: number, what: number) => {
      const more = this.overflow.get(h);
      // A stock phrase, or a set of names every notice of a kind carries: too common to find a story by.
      if (what !== 0 && more && more.n + HEAVY > this.rule.maxAnchorPostings) return;
      const cap = this.keys.length;
      for (let s = home(h, cap); this.ids[s] !== EMPTY; s = s + 1 === cap ? 0 : s + 1) {
        if (this.keys[s] !== h) continue;
        count(this.ids[s] ?? EMPTY, what);
      }
      if (more) for (let i = 0; i < more.n; i++) count(more.ids[i] ?? EMPTY, what);
    };
    fp.bandKeys.forEach((key, band) => visit(slotHash(band, key), 0));
    fp.anchors.forEach((key) => visit(slotHash(ANCHOR_BAND, key), 1));
    fp.nameKeys?.forEach((key, i) => visit(slotHash(NAME_BAND_BASE + i, key), 2));
    // Looked up whether or not this text keeps them: a brief finds the long story whose lead it retells.
    fp.leadKeys?.forEach((key, i) => visit(slotHash(LEAD_BAND_BASE + i, key), 2));
    const out: CandidateHit[] = [];
    for (const hit of hits.values()) {
      if (hit.id === excludeId) continue;
      if (isCandidate(hit, fp.anchors.length, this.anchorCounts.get(hit.id) ?? 0, this.rule)) out.push(hit);
    }
    return out.sort((x, y) => y.bandHits + y.anchorHits + y.nameHits - (x.bandHits + x.anchorHits + x.nameHits) || x.id - y.id);
  }

  stats(): IndexStats {
    let overflowBytes = 0;
    for (const o of this.overflow.values()) overflowBytes += o.ids.byteLength + 64;
    return {
      articles: this.anchorCounts.size,
      keys: this.used + [...this.overflow.values()].reduce((n, o) => n + o.n, 0),
      tableSlots: this.keys.length,
      overflowKeys: this.overflow.size,
      // Map entries cost about 40 bytes in V8.
      bytes: this.keys.byteLength + this.ids.byteLength + overflowBytes + this.anchorCounts.size * 40,
    };
  }

  private insert(h: number, id: number): void {
    const cap = this.keys.length;
    let same = 0;
    let s = home(h, cap);
    for (; this.ids[s] !== EMPTY; s = s + 1 === cap ? 0 : s + 1) if (this.keys[s] === h) same++;
    if (same >= HEAVY) {
      const o = this.overflow.get(h) ?? { ids: new Int32Array(8), n: 0 };
      if (o.n === o.ids.length) {
        const bigger = new Int32Array(o.ids.length * 2);
        bigger.set(o.ids);
        o.ids = bigger;
      }
      o.ids[o.n++] = id;
      this.overflow.set(h, o);
      return;
    }
    this.keys[s] = h;
    this.ids[s] = id;
    this.used++;
  }

  private delete(h: number, id: number): void {
    const o = this.overflow.get(h);
    if (o) {
      for (let i = 0; i < o.n; i++) {
        if (o.ids[i] !== id) continue;
        o.ids[i] = o.ids[o.n - 1] ?? EMPTY;
        o.n--;
        if (o.n === 0) this.overflow.delete(h);
        return;
      }
    }
    const cap = this.keys.length;
    let s = home(h, cap);
    for (; this.ids[s] !== EMPTY; s = s + 1 === cap ? 0 : s + 1) {
      if (this.keys[s] === h && this.ids[s] === id) break;
    }
    if (this.ids[s] === EMPTY) return;
    // Backward-shift deletion keeps every probe path unbroken without tombstones.
    this.used--;
    let hole = s;
    for (let t = hole + 1 === cap ? 0 : hole + 1; this.ids[t] !== EMPTY; t = t + 1 === cap ? 0 : t + 1) {
      const want = home(this.keys[t] ?? 0, cap);
      const movable = hole <= t ? want <= hole || want > t : want <= hole && want > t;
      if (movable) {
        this.keys[hole] = this.keys[t] ?? 0;
        this.ids[hole] = this.ids[t] ?? EMPTY;
        hole = t;
      }
    }
    this.ids[hole] = EMPTY;
    // A key that had spilled over gets one posting back into the table.
    if (o && o.n > 0) {
      const moved = o.ids[--o.n] ?? EMPTY;
      if (o.n === 0) this.overflow.delete(h);
      this.insert(h, moved);
    }
  }

  private grow(need: number): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    const slots = Math.max(oldKeys.length * 2, Math.ceil(need / 0.5));
    this.keys = new Int32Array(slots);
    this.ids = new Int32Array(slots).fill(EMPTY);
    this.used = 0;
    for (let s = 0; s < oldKeys.length; s++) {
      const id = oldIds[s] ?? EMPTY;
      if (id !== EMPTY) this.rehash(oldKeys[s] ?? 0, id);
    }
  }

  private rehash(h: number, id: number): void {
    const cap = this.keys.length;
    let s = home(h, cap);
    while (this.ids[s] !== EMPTY) s = s + 1 === cap ? 0 : s + 1;
    this.keys[s] = h;
    this.ids[s] = id;
    this.used++;
  }
}

/** A hash's home slot: multiply-shift onto [0, cap) without a power-of-two table. */
function home(h: number, cap: number): number {
  return Math.floor(((h >>> 0) * cap) / 4294967296);
}
