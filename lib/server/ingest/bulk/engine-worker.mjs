// Starts engine-worker.ts in a worker thread: loader hooks registered in the
// main thread (tsx) do not reach workers, so the worker registers its own.
import { tsImport } from "tsx/esm/api";

await tsImport("./engine-worker.ts", import.meta.url);
