import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { NextRead, nextReadFor } from "../../../lib/server/db/next-read";

/** A read whose end the test decides: each read is numbered by the step it began at. */
function controlledReads() {
  let step = 0;
  let running = 0;
  let most = 0;
  const pending: { begun: number; finish: (fail: boolean) => void }[] = [];
  const read = () => {
    running++;
    most = Math.max(most, running);
    const begun = step;
    return new Promise<number>((resolve, reject) => {
      pending.push({
        begun,
        finish: (fail) => {
          running--;
          if (fail) reject(new Error(`read begun at step ${begun} failed`));
          else resolve(begun);
        },
      });
    });
  };
  return {
    read,
    pending,
    tick: () => ++step,
    get reads() {
      return pending.length;
    },
    get most() {
      return most;
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("NextRead", () => {
  it("shares one read among the callers who asked while another was under way, and begins it only after that one ends", async () => {
    const c = controlledReads();
    const shared = new NextRead(c.read);
    const first = shared.get();
    c.tick();
    const later = [shared.get(), shared.get(), shared.get()];
    expect(c.reads).toBe(1);
    c.pending[0]!.finish(false);
    await flush();
    expect(c.reads).toBe(2);
    c.pending[1]!.finish(false);
    expect(await first).toBe(0);
    expect(await Promise.all(later)).toEqual([1, 1, 1]);
    expect(c.most).toBe(1);
  });

  it("never gives a caller a read begun before it asked, whatever the order of calls and ends", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("call", "finish", "fail"), { minLength: 1, maxLength: 40 }), async (script) => {
        const c = controlledReads();
        const shared = new NextRead(c.read);
        const calls: { at: number; result: Promise<number | Error> }[] = [];
        let finished = 0;
        for (const op of script) {
          const at = c.tick();
          if (op === "call") calls.push({ at, result: shared.get().catch((e: Error) => e) });
          else if (finished < c.pending.length) c.pending[finished++]!.finish(op === "fail");
          await flush();
        }
        // End every read still open, then those queued behind them.
        while (finished < c.pending.length) {
          c.pending[finished++]!.finish(false);
          await flush();
        }
        for (const call of calls) {
          const r = await call.result;
          const begun = r instanceof Error ? Number(/step (\d+)/.exec(r.message)![1]) : r;
          expect(begun).toBeGreaterThanOrEqual(call.at);
        }
        expect(c.most).toBeLessThanOrEqual(1);
        expect(c.reads).toBeLessThanOrEqual(calls.length);
      }),
    );
  });

  it("lets a failed read fail only its own callers: the next call reads again", async () => {
    let n = 0;
    const shared = new NextRead(async () => {
      n++;
      if (n === 1) throw new Error("store gone");
      return n;
    });
    await expect(shared.get()).rejects.toThrow("store gone");
    expect(await shared.get()).toBe(2);
  });

  it("turns a read that throws before it begins into a rejected read", async () => {
    const shared = new NextRead<number>(() => {
      throw new Error("no connection");
    });
    await expect(shared.get()).rejects.toThrow("no connection");
  });

  it("keeps one shared read per key", async () => {
    const seen: string[] = [];
    const byKey = nextReadFor(async (k: { name: string }) => {
      seen.push(k.name);
      return k.name;
    });
    const a = { name: "a" };
    const b = { name: "b" };
    expect(await Promise.all([byKey(a), byKey(b), byKey(a)])).toEqual(["a", "b", "a"]);
    // a's second call arrived while its first read was under way: it waited for one more read of a.
    expect(seen).toEqual(["a", "b", "a"]);
  });
});
