// scripts/serve.mjs, the web server npm start runs: its settings are
// checked before anything starts, and web processes that cannot serve stop
// it with an error instead of being restarted for ever.
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const serve = path.resolve(import.meta.dirname, "../../../scripts/serve.mjs");
const run = (env: Record<string, string>, timeout = 60_000) =>
  spawnSync(process.execPath, [serve], { env: { ...process.env, ...env }, encoding: "utf8", timeout });

describe("the web server (scripts/serve.mjs)", () => {
  it("refuses a process count or port it cannot use, naming the variable", () => {
    for (const [name, value] of [["WIREDESK_WEB_PROCESSES", "0"], ["WIREDESK_WEB_PROCESSES", "two"], ["PORT", "70000"]] as const) {
      const r = run({ PORT: "3999", [name]: value });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`${name} must be a whole number`);
      expect(r.stderr).toContain(`"${value}"`);
    }
  });

  describe("when its processes cannot serve (the port is taken)", () => {
    let taken: Server;
    let port = 0;
    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, "0.0.0.0", resolve));
      port = (taken.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

    it("replaces them a few times, then gives up with an error", () => {
      const r = run({ PORT: String(port), WIREDESK_WEB_PROCESSES: "2" }, 120_000);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("starting another");
      expect(r.stderr).toContain("web processes keep stopping");
    }, 130_000);
  });
});
