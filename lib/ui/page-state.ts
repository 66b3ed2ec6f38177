"use client";
// What the page in front of the editor is on, for the command palette: it offers
// only the actions that apply (no "Reopen" on a story that is new, no editing to a viewer).
import { useSyncExternalStore } from "react";

export interface PageState {
  /** The current story's or article's status, when there is one. */
  status?: string;
  /** How many rows are selected in the queue. */
  selected?: number;
}

let state: PageState = {};
const listeners = new Set<() => void>();

export function setPageState(next: PageState) {
  if (next.status === state.status && next.selected === state.selected) return;
  state = next;
  listeners.forEach((l) => l());
}

export function usePageState(): PageState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}
