// One reader of the store's changes per web process, shared by every open
// tab's live stream (GET /api/events): the store's cost of live updates does
// not grow with the tabs. On SQLite the hub polls (WIREDESK_LIVE_POLL_MS)
// while at least one tab listens. On PostgreSQL it LISTENs on one connection
// and reads the changes only when a trigger says something was written
// (migration live_notify), with a slow poll behind it in case a notice is
// lost while the connection is re-made.
import "server-only";
import pg from "pg";
import { dbKind, dbUrl, type Db } from "../db/client";
import { env } from "../env";
import { nextChanges, openCursor, type LiveCursor, type LiveEvent } from "./changes";

export type LiveListener = (event: LiveEvent) => void;

/** The channel the triggers notify (prisma/postgres/migrations/…_live_notify). */
export const CHANGES_CHANNEL = "wiredesk_changes";
/** On PostgreSQL, a read this often whatever the notices say. */
const FALLBACK_POLL_MS = 30_000;
/** A lost LISTEN connection is made again after this long. */
const RECONNECT_MS = 1_000;

interface Hub {
  db: Db;
  listeners: Set<LiveListener>;
  /** Where the changes were last read to; opened by the first read. */
  cursor?: LiveCursor;
  listening: boolean;
  timer?: NodeJS.Timeout;
  client?: pg.Client;
  reconnect?: NodeJS.Timeout;
  reading: boolean;
  again: boolean;
  /** Store reads made, for the bench and tests. */
  reads: number;
}

const hubs = new WeakMap<Db, Hub>();

/** Listens for the store's changes; returns the function that stops listening. */
export function subscribe(db: Db, listener: LiveListener): () => void {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = { db, listeners: new Set(), reading: false, again: false, reads: 0, listening: false }));
  hub.listeners.add(listener);
  if (hub.listeners.size === 1) start(hub);
  const h = hub;
  return () => {
    if (!h.listeners.delete(listener) || h.listeners.size > 0) return;
    stop(h);
  };
}

/** How many times this process's hub has read the store's changes (bench:live, tests). */
export function hubReads(db: Db): number {
  return hubs.get(db)?.reads ?? 0;
}

function start(hub: Hub) {
  hub.listening = true;
  // "Now" is when the first tab started listening: what is in the store already is not news.
  void read(hub);
  const url = dbUrl(hub.db);
  if (dbKind(hub.db) === "postgres" && url) {
    listen(hub, url);
    hub.timer = setInterval(() => void read(hub), FALLBACK_POLL_MS);
  } else {
    hub.timer = setInterval(() => void read(hub), env().WIREDESK_LIVE_POLL_MS);
  }
  hub.timer.unref();
}

function stop(hub: Hub) {
  clearInterval(hub.timer);
  clearTimeout(hub.reconnect);
  hub.timer = hub.reconnect = undefined;
  hub.listening = false;
  hub.cursor = undefined;
  const client = hub.client;
  hub.client = undefined;
  void client?.end().catch(() => undefined);
}

function listen(hub: Hub, url: string) {
  const client = new pg.Client({ connectionString: url });
  hub.client = client;
  const lost = () => {
    if (hub.client !== client) return;
    hub.client = undefined;
    void client.end().catch(() => undefined);
    if (hub.listeners.size === 0) return;
    hub.reconnect = setTimeout(() => {
      if (hub.listeners.size === 0 || hub.client) return;
      listen(hub, url);
      // What was written while the connection was down.
      void read(hub);
    }, RECONNECT_MS);
    hub.reconnect.unref();
  };
  client.on("notification", () => void read(hub));
  client.on("error", lost);
  client.on("end", lost);
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANGES_CHANNEL}`))
    .catch(lost);
}

/** Reads the changes once and tells every listener; notices that come meanwhile make one more read after it. */
async function read(hub: Hub): Promise<void> {
  if (!hub.listening) return;
  if (hub.reading) {
    hub.again = true;
    return;
  }
  hub.reading = true;
  try {
    hub.reads++;
    if (!hub.cursor) {
      const opened = await openCursor(hub.db);
      if (hub.listening) hub.cursor = opened;
    } else {
      const cursor = hub.cursor;
      const event = await nextChanges(hub.db, cursor);
      // Not after the last tab left (the cursor was dropped meanwhile).
      if (event && hub.cursor === cursor) for (const l of [...hub.listeners]) l(event);
    }
  } catch {
    // The store hiccuped: the next notice or tick reads again (from the same cursor, or opens one).
  } finally {
    hub.reading = false;
    if (hub.again) {
      hub.again = false;
      void read(hub);
    }
  }
}
