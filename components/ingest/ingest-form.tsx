"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { RunReport } from "@/lib/server/ingest/run-ingest";
import { articleKeys } from "@/lib/queries/articles";

/** Uploads with XMLHttpRequest, not fetch: fetch reports no upload progress. */
function postIngest(form: FormData, onProgress: (sent: number) => void): Promise<RunReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/ingest");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new Error("The upload failed: check the connection and try again"));
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as RunReport & { error?: string };
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Error(body.error ?? `Ingest failed (HTTP ${xhr.status})`));
    };
    xhr.send(form);
  });
}

export function IngestForm() {
  const router = useRouter();
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState(0);
  const m = useMutation({
    mutationFn: (form: FormData) => {
      setSent(0);
      return postIngest(form, setSent);
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: articleKeys.all });
      formRef.current?.reset();
      router.refresh();
    },
  });
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <form
        ref={formRef}
        className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate(new FormData(e.currentTarget));
        }}
      >
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Files</span>
          <input name="files" type="file" multiple className="text-sm file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1.5 dark:file:bg-stone-700" />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">or a URL</span>
          <input name="url" type="url" placeholder="https://example.com/feed.xml" className="rounded border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-950" />
        </label>
        <button
          type="submit"
          disabled={m.isPending}
          className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-stone-100 dark:text-stone-900"
        >
          {m.isPending ? "Ingesting…" : "Ingest"}
        </button>
      </form>
      {m.isPending && (
        <div className="mt-3 text-sm" data-testid="ingest-progress">
          {sent < 1 ? (
            <>
              <label htmlFor="upload-progress">Uploading… {Math.round(sent * 100)}%</label>
              <progress id="upload-progress" className="mt-1 block w-full" max={100} value={Math.round(sent * 100)} />
            </>
          ) : (
            <>
              <label htmlFor="ingest-progress">Uploaded; reading, de-duplicating and tagging the items…</label>
              <progress id="ingest-progress" className="mt-1 block w-full" />
            </>
          )}
        </div>
      )}
      {m.isError && (
        <p role="alert" className="mt-3 text-sm text-rose-700 dark:text-rose-300">{m.error.message}</p>
      )}
      {m.data && (
        <div role="status" className="mt-3 text-sm" data-testid="ingest-result">
          <p className="font-medium">
            Run {m.data.runId}: {m.data.totals.new} new, {m.data.totals.updated} updated, {m.data.totals.duplicates} duplicates flagged,{" "}
            {m.data.totals.skipped} skipped, {m.data.totals.failed} failed
          </p>
          <ul className="mt-1 list-disc pl-5 text-stone-600 dark:text-stone-400">
            {m.data.inputs.flatMap((r) => r.errors.map((e, i) => <li key={`${r.input}-${i}`}>{r.input}: {e.location}: {e.message}</li>))}
          </ul>
        </div>
      )}
    </div>
  );
}
