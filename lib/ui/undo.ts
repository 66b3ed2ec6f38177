"use client";
// The last undoable action, for the z key: every toast that offers Undo registers
// its undo here, so an editor undoes from the keyboard without reaching for the toast.
import { toast } from "sonner";

let last: (() => void) | null = null;

/** A success toast with an Undo button, and z bound to the same undo until another action replaces it. */
export function toastWithUndo(message: string, undo: () => void, duration = 8000) {
  const run = () => {
    if (last === run) last = null;
    undo();
  };
  last = run;
  toast.success(message, { action: { label: "Undo (z)", onClick: run }, duration });
}

/** Runs the last undo offered, once; false when there is none. */
export function undoLast(): boolean {
  const run = last;
  if (!run) return false;
  run();
  return true;
}
