// A busy store is not a broken one. Two web processes on one SQLite file (or
// many writers on PostgreSQL) sometimes find the other holding the lock past
// the wait: Prisma reports it as P1008 (SQLite's SQLITE_BUSY, mapped to a
// socket timeout), P2028 (no transaction could start in time) or P2034 (a
// write conflict or deadlock). Such a write is retried; if the store stays
// busy, the request is answered 503 with Retry-After, never 500.
import "server-only";

/** The store stayed busy through every retry: the route answers 503 with Retry-After. */
export class StoreBusyError extends Error {
  readonly status = 503;
  /** Seconds a client should wait before trying again. */
  readonly retryAfter = 1;
  constructor(cause: unknown) {
    super("The desk's store is busy; try again in a moment.", { cause });
  }
}

const BUSY_PRISMA_CODES = new Set(["P1008", "P2028", "P2034"]);
// PostgreSQL: serialization failure, deadlock, lock not available.
const BUSY_SQLSTATES = new Set(["40001", "40P01", "55P03"]);

/** Whether an error means "the store was busy", not "the request was wrong". */
export function isBusy(e: unknown): boolean {
  if (e instanceof StoreBusyError) return true;
  for (let err = e, depth = 0; err && typeof err === "object" && depth < 6; err = (err as { cause?: unknown }).cause, depth++) {
    const { code, kind, originalCode } = err as { code?: unknown; kind?: unknown; originalCode?: unknown };
    if (typeof code === "string" && (BUSY_PRISMA_CODES.has(code) || code.startsWith("SQLITE_BUSY") || BUSY_SQLSTATES.has(code))) return true;
    if (kind === "SocketTimeout" || kind === "TransactionWriteConflict") return true;
    if (typeof originalCode === "string" && (originalCode.startsWith("SQLITE_BUSY") || BUSY_SQLSTATES.has(originalCode))) return true;
    // Known request errors carry the driver's error in meta.driverAdapterError.
    const meta = (err as { meta?: { driverAdapterError?: unknown } }).meta;
    if (meta?.driverAdapterError && isBusy(meta.driverAdapterError)) return true;
  }
  return false;
}

/**
 * Runs a write (a whole transaction: it must be safe to run again, as a
 * rolled-back one is) and runs it again, after a short jittered pause, while
 * the store is busy; then gives up with StoreBusyError.
 */
export async function retryBusy<T>(write: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (!isBusy(e)) throw e;
      if (attempt >= attempts) throw new StoreBusyError(e);
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20 * attempt));
    }
  }
}
