// The desk's web server: Next's production request handler, in one process
// per core sharing one port (node:cluster), instead of `next start`'s one.
//
// Why: every request through Next costs its one JavaScript thread 1-3 ms of
// CPU (routing, the route handler, the response), so one process answers
// about 300 queue pages a second however idle the other cores are, and 20
// editors polling queue it past 100 ms (docs/decisions/010-web-processes.md).
// Nothing in a process is shared state the others need: sessions, counts and
// the live stream are read from the store, as with several instances.
//
// Plain JavaScript: it starts the built app with node itself, no TypeScript loader.
//
// WIREDESK_WEB_PROCESSES: how many (default: the machine's cores, at most 8;
// 1 serves from this process). PORT: the port (default 3000).
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import next from "next";

const root = path.resolve(import.meta.dirname, "..");
// The production server, whatever the shell says (as `next start` does).
process.env.NODE_ENV = "production";

function setting(name, fallback, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`wiredesk: ${name} must be a whole number from 1 to ${max}, not "${raw}"`);
    process.exit(2);
  }
  return n;
}

const port = setting("PORT", 3000, 65535);
const processes = setting("WIREDESK_WEB_PROCESSES", Math.min(availableParallelism(), 8), 64);

async function serve() {
  const app = next({ dev: false, dir: root, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    // The address this connection came from, for the sign-in limit
    // (lib/server/auth/client-address.ts): always the socket's, whatever a
    // client sent under this name. X-Forwarded-For is believed only when
    // this address is a trusted proxy (WIREDESK_TRUSTED_PROXIES).
    req.headers["x-wiredesk-peer"] = req.socket.remoteAddress ?? "";
    handle(req, res).catch((e) => {
      console.error("wiredesk: request failed:", e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Idle keep-alive connections are kept for 65 s, not Node's 5: a client that
  // sends on a connection just as the server closes it gets a reset
  // (ECONNRESET), which a browser's or a proxy's pooled connections meet
  // whenever they wait about 5 s between requests; a browser test once failed
  // so. 65 s outlasts common proxies' 60 s idle timeout, so the proxy closes
  // first; the headers' deadline must be longer still.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // WebSocket upgrades are not used by the desk; Next's handler covers its dev-only ones.
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, resolve));
  return server;
}

if (processes === 1 || !cluster.isPrimary) {
  serve().catch((e) => {
    console.error(`wiredesk: the web server did not start: ${e.message}`);
    process.exit(1);
  });
} else {
  let stopping = false;
  const crashes = [];
  for (let i = 0; i < processes; i++) cluster.fork();
  console.log(`wiredesk: ${processes} web processes on port ${port} (WIREDESK_WEB_PROCESSES)`);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // One that dies is replaced; one that keeps dying (a bad build, a port taken) stops the server.
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0] < now - 60_000) crashes.shift();
    if (crashes.length > processes * 3) {
      console.error(`wiredesk: web processes keep stopping (last: exit ${code ?? signal}); giving up`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill();
      process.exitCode = 1;
      return;
    }
    console.error(`wiredesk: a web process stopped (exit ${code ?? signal}); starting another`);
    cluster.fork();
  });
  for (const sig of ["SIGINT", "SIGTERM"]) {
    process.on(sig, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const w of workers) w?.process.kill(sig);
    });
  }
}
