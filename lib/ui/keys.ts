"use client";
// Single-key shortcuts for the desk. One guard for all of them: never while
// the editor types in a field, never with a modifier (those belong to the
// browser), never while a dialog such as the command palette is open.
import { useEffect, useRef } from "react";

// A checkbox, radio or button that took focus from a click is not typing: keys
// go on working after the editor ticks a row with the mouse.
const TYPING = "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]), textarea, select, [contenteditable], [role=dialog]";

export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return Boolean(t?.closest?.(TYPING));
}

export type KeyMap = Partial<Record<string, (e: KeyboardEvent) => void>>;

/** Binds keys (KeyboardEvent.key values) for as long as the component is mounted. */
export function useKeys(map: KeyMap, enabled = true) {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e)) return;
      const f = ref.current[e.key];
      if (!f) return;
      e.preventDefault();
      f(e);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}

/** POSTs JSON and returns the parsed answer, or throws the server's own message. */
export async function postJson<T>(url: string, body?: unknown, method = "POST"): Promise<T> {
  // Offline, a write is refused at once and says so, rather than shown as done and silently held.
  if (typeof navigator !== "undefined" && navigator.onLine === false) throw new Error("You are offline: nothing was sent");
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new Error("The desk could not reach the server: nothing was saved");
  }
  const json = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(json.error ?? `Request failed (HTTP ${res.status})`);
  return json;
}
