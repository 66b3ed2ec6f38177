// A worker thread running the engines for the bulk path (prepare-item.ts):
// tagging and fingerprinting overlap with the writes on the main thread.
// No "server-only" marker here or in what it loads (prepare-item.ts,
// tags/wanted-suggestions.ts): worker threads load these files with plain Node
// resolution, also under Next, where the marker would throw.
import { parentPort, workerData } from "node:worker_threads";
import { prepareItem, type EngineInput } from "./prepare-item";
import type { SuggestionContext } from "../../tags/wanted-suggestions";
import type { NewsroomModel } from "../../../tagging";

interface Init {
  tagging?: { model?: NewsroomModel; hidden: string[] };
}

const init = workerData as Init;
const tagging: SuggestionContext | undefined = init.tagging ? { model: init.tagging.model, hidden: new Set(init.tagging.hidden) } : undefined;

parentPort?.on("message", (job: { id: number; items: EngineInput[] }) => {
  const results = job.items.map((a) => {
    try {
      return { ok: true as const, prepared: prepareItem(a, tagging) };
    } catch (e) {
      return { ok: false as const, message: (e as Error).message };
    }
  });
  parentPort?.postMessage({ id: job.id, results });
});
