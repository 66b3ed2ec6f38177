"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { readJson } from "@/lib/queries/read-json";
import { auditUndone } from "@/lib/schemas/audit";

export function UndoButton({ auditId }: { auditId: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function undo() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/audit/${auditId}/undo`, { method: "POST" });
      await readJson(res, auditUndone, "Could not revert");
    } catch (e) {
      setError(e instanceof TypeError ? "Could not revert" : (e as Error).message);
    }
    setBusy(false);
    router.refresh();
  }
  return (
    <span>
      <button className="text-xs underline disabled:opacity-50" disabled={busy} onClick={undo} aria-label={`Revert audit entry ${auditId}`}>Revert</button>
      {error && <span role="alert" className="ml-1 text-xs text-rose-700 dark:text-rose-300">{error}</span>}
    </span>
  );
}
