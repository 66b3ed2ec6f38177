// A worker thread running the engines for the bulk path: tagging and
// fingerprinting (prepare-item.ts) overlap with the writes on the main thread,
// and so does parsing the next input of a run (lib/ingest).
// No "server-only" marker here or in what it loads (prepare-item.ts,
// tags/wanted-suggestions.ts, lib/ingest): worker threads load these files
// with plain Node resolution, also under Next, where the marker would throw.
// Each side is loaded when first asked for: a run's parser thread never loads
// the tagger's tables (megabytes of model and gazetteer), nor an engines'
// thread the parsers and the language detector.
import { parentPort, workerData } from "node:worker_threads";
import type { EngineInput, Prepared } from "./prepare-item";
import type { SuggestionContext } from "../../tags/wanted-suggestions";
import type { NewsroomModel } from "../../../tagging";
import type { ParseInputOptions } from "../../../ingest";
import { IngestInputError } from "../../../ingest/types";

interface Init {
  tagging?: { model?: NewsroomModel; hidden: string[] };
}

export type EngineJob = { id: number; kind: "prepare"; items: EngineInput[] } | { id: number; kind: "parse"; bytes: Uint8Array; opts: ParseInputOptions };

const init = workerData as Init;
const tagging: SuggestionContext | undefined = init.tagging ? { model: init.tagging.model, hidden: new Set(init.tagging.hidden) } : undefined;

type PrepareItem = (a: EngineInput, t: SuggestionContext | undefined) => Prepared;
let engines: Promise<PrepareItem> | undefined;
const loadEngines = () =>
  (engines ??= import("./prepare-item").then(({ prepareItem }) => {
    // The tagger loads its gazetteer on first use (most of a second): once a thread, before the first batch's items.
    if (tagging) prepareItem({ headline: "Warm-up", bodyText: "Loads the gazetteer once per thread." }, tagging);
    return prepareItem;
  }));
// A thread made with a tagger prepares batches: it loads the engines now, while the first input is parsed.
if (tagging) void loadEngines();

parentPort?.on("message", (job: EngineJob) => {
  if (job.kind === "parse") {
    import("../../../ingest")
      .then(({ parseInputAsync }) => parseInputAsync(job.bytes, job.opts))
      .then(
        (parsed) => parentPort?.postMessage({ id: job.id, parsed }),
        (e: Error) => parentPort?.postMessage({ id: job.id, failed: { message: e.message, input: e instanceof IngestInputError ? e.input : undefined } }),
      );
    return;
  }
  void loadEngines().then((prepareItem) => {
    const results = job.items.map((a) => {
      try {
        return { ok: true as const, prepared: prepareItem(a, tagging) };
      } catch (e) {
        return { ok: false as const, message: (e as Error).message };
      }
    });
    parentPort?.postMessage({ id: job.id, results });
  });
});
