"use client";
// The queue remembers, for the tab, which list the editor was working through and
// where: the article page then moves to the next or previous story of that list
// (j/k, ]/[ and after a decision), and Back or "← Queue" returns to the same place.
import { useMemo, useSyncExternalStore } from "react";

const KEY = "wiredesk:queue";
const AFTER = "wiredesk:after-decision";

export interface QueueContext {
  /** The queue's URL, filters and all. */
  href: string;
  /** The rows loaded, in order (article ids: a story's row is its lead article). */
  ids: number[];
  /** The row the editor was on. */
  focusId: number | null;
}

export function saveQueueContext(c: QueueContext) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(c));
  } catch {
    // Private mode or full storage: the flow is a convenience, the queue works without it.
  }
}

export function readQueueContext(): QueueContext | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as QueueContext) : null;
  } catch {
    return null;
  }
}

const noSubscribe = () => () => {};
/** The saved context as React reads it: nothing on the server, the tab's own after hydration. */
export function useQueueContext(): QueueContext | null {
  const raw = useSyncExternalStore(
    noSubscribe,
    () => {
      try {
        return sessionStorage.getItem(KEY);
      } catch {
        return null;
      }
    },
    () => null,
  );
  return useMemo(() => {
    try {
      return raw ? (JSON.parse(raw) as QueueContext) : null;
    } catch {
      return null;
    }
  }, [raw]);
}

/** The story before and after this one in the queue the editor came from. */
export function neighbours(c: QueueContext | null, id: number): { prev: number | null; next: number | null } {
  const i = c ? c.ids.indexOf(id) : -1;
  if (!c || i < 0) return { prev: null, next: null };
  return { prev: c.ids[i - 1] ?? null, next: c.ids[i + 1] ?? null };
}

/** What the article page does after e or #: go to the next story (the default) or stay. */
export type AfterDecision = "next" | "stay";

const listeners = new Set<() => void>();
export function setAfterDecision(v: AfterDecision) {
  try {
    localStorage.setItem(AFTER, v);
  } catch {
    // as above
  }
  listeners.forEach((l) => l());
}

function readAfter(): AfterDecision {
  try {
    return localStorage.getItem(AFTER) === "stay" ? "stay" : "next";
  } catch {
    return "next";
  }
}

export function useAfterDecision(): AfterDecision {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readAfter,
    () => "next",
  );
}

/** A media query as React state; the server renders as if it matched. */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (l) => {
      const m = window.matchMedia(query);
      m.addEventListener("change", l);
      return () => m.removeEventListener("change", l);
    },
    () => window.matchMedia(query).matches,
    () => true,
  );
}
