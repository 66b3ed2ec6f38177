// npm run bench:across -- [--corpus DIR] [--dev-per-kind N]
// How the same-story-across-languages rule (lib/dedup/across-languages.ts)
// tells stories apart by names and figures alone, measured on decision 011's
// labelled development set from Reuters-21578 (read from outside the
// repository: --corpus DIR, $WIREDESK_CORPUS_DIR, else ../shared/corpora/reuters21578).
//
// A proxy, said plainly: no openly licensed set of the same stories in two of
// the beat's languages could be had here. The set's pairs are in one
// language, where names and figures survive as they do in a translation, so
// the figures bound what the rule can find (recall on copies, rewrites and
// updates) and say what it wrongly joins: template notices (the same company
// and wording, other figures: "recurring notices with other figures") and
// unrelated stories of the same days. The rule was written before this
// bench ran; its later changes were made on the Wikinews set (decision 024's
// addenda) and measured here after. The held-out half is reported apart.
import path from "node:path";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { readReutersCorpus } from "./bench-dedup/reuters";
import { buildDevSet, POSITIVE, type DevLabel } from "./bench-dedup/devset";
import { matchAcrossLanguages, survivors } from "../lib/dedup/across-languages";

const HOUR = 3_600_000;

function main(): number {
  const { values } = parseArgs({ options: { corpus: { type: "string" }, "dev-per-kind": { type: "string" } } });
  const dir = values.corpus ?? process.env.WIREDESK_CORPUS_DIR ?? path.resolve(import.meta.dirname, "../../shared/corpora/reuters21578");
  if (!existsSync(dir)) {
    console.error(`Reuters-21578 not found at ${dir}: give --corpus DIR or set WIREDESK_CORPUS_DIR`);
    return 2;
  }
  const perKind = Number(values["dev-per-kind"] ?? 600);
  const set = buildDevSet(readReutersCorpus(dir), { seed: 11, perKind });
  const docs = new Map(set.docs.map((d) => [d.id, d]));
  const s = new Map<number, ReturnType<typeof survivors>>();
  const of = (id: number) => {
    let v = s.get(id);
    if (!v) {
      const d = docs.get(id)!;
      s.set(id, (v = survivors(d.info.headline ?? "", d.text)));
    }
    return v;
  };
  for (const half of ["tuning", "held-out"] as const) {
    const byLabel = new Map<DevLabel, { n: number; linked: number }>();
    for (const p of set.pairs.filter((x) => x.half === half)) {
      const a = docs.get(p.older)!;
      const b = docs.get(p.newer)!;
      const hours = a.info.time != null && b.info.time != null ? Math.abs(Number(b.info.time) - Number(a.info.time)) / HOUR : 0;
      const m = matchAcrossLanguages(of(p.older), of(p.newer), hours);
      const row = byLabel.get(p.label) ?? { n: 0, linked: 0 };
      row.n++;
      if (m) row.linked++;
      byLabel.set(p.label, row);
    }
    let tp = 0, fp = 0, pos = 0;
    console.log(`\n${half} half: pairs linked by names and figures, by label`);
    for (const [label, r] of [...byLabel].sort()) {
      console.log(`  ${label.padEnd(11)} ${String(r.linked).padStart(5)} of ${String(r.n).padStart(5)}  (${((100 * r.linked) / r.n).toFixed(1)}%)`);
      if (POSITIVE.includes(label)) {
        tp += r.linked;
        pos += r.n;
      } else fp += r.linked;
    }
    console.log(`  precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}  recall ${(tp / Math.max(1, pos)).toFixed(3)}  (positives: ${POSITIVE.join(", ")})`);
  }
  return 0;
}

process.exit(main());
