"use client";
// Single-key shortcuts for the desk. One guard for all of them: never while
// the editor types in a field, never with a modifier (those belong to the
// browser), never while a dialog such as the command palette is open.
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { readJson } from "../queries/read-json";

// Inputs that take no typed text: a clicked checkbox or file picker keeps focus
// but must not swallow the desk's keys.
const NOT_TEXT = ["checkbox", "radio", "button", "submit", "reset", "file", "range", "color", "image"];

export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (t instanceof HTMLInputElement && NOT_TEXT.includes(t.type)) return Boolean(t.closest("[role=dialog]"));
  return Boolean(t?.closest?.("input, textarea, select, [contenteditable], [role=dialog]"));
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
      // Enter and Space belong to the focused link, button or disclosure (a filter menu opens on Enter).
      if ((e.key === "Enter" || e.key === " ") && (e.target as HTMLElement | null)?.closest?.("a, button, summary, label, [role=button], [role=option]")) return;
      const f = ref.current[e.key];
      if (!f) return;
      e.preventDefault();
      f(e);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}

/** POSTs JSON and returns the answer as its schema reads it, or throws the server's own message. */
export async function postJson<S extends z.ZodType>(url: string, schema: S, body?: unknown, method = "POST"): Promise<z.output<S>> {
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
  return readJson(res, schema);
}
