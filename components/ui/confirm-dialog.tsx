"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

const button = "rounded border border-stone-300 px-2 py-1 text-xs hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-stone-700 dark:hover:bg-stone-800";
const primary = "rounded bg-stone-900 px-3 py-1.5 text-sm text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-stone-100 dark:text-stone-900";
const danger = "rounded bg-rose-700 px-3 py-1.5 text-sm text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

/**
 * A modal that asks before acting: Esc or Cancel closes it and nothing
 * happens. A native <dialog>, so focus is trapped inside and returns to the
 * button that opened it.
 */
export function ConfirmDialog({ title, children, onClose, onConfirm, confirmLabel, tone = "primary" }: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  /** "danger" for what cannot be undone. */
  tone?: "primary" | "danger";
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-lg border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          // The submitter says which button closed it.
          if ((e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "confirm") onConfirm();
        }}
      >
        <h2 id={titleId} className="text-base font-semibold">{title}</h2>
        <div className="mt-2 space-y-2 text-sm">{children}</div>
        {/* Confirm first in the markup, so Enter in a field confirms; shown after Cancel. */}
        <div className="mt-4 flex flex-row-reverse justify-start gap-2">
          <button value="confirm" className={tone === "danger" ? danger : primary}>{confirmLabel}</button>
          <button value="cancel" formNoValidate className={button}>Cancel</button>
        </div>
      </form>
    </dialog>
  );
}
