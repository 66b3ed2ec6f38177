"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { IngestInputReport as InputReport, IngestItem as ItemReport, IngestReport as RunReport } from "@/lib/schemas/ingest";
import { articleKeys } from "@/lib/queries/articles";
import { problemMessage } from "@/lib/schemas/problem";
import { ingestReport } from "@/lib/schemas/ingest";
import { parseAnswer } from "@/lib/queries/read-json";

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
      const body: unknown = xhr.response ?? {};
      if (xhr.status < 200 || xhr.status >= 300) return reject(new Error(problemMessage(body, `Ingest failed (HTTP ${xhr.status})`)));
      try {
        resolve(parseAnswer(ingestReport, body, "/api/ingest"));
      } catch (e) {
        reject(e as Error);
      }
    };
    xhr.send(form);
  });
}

// The source an editor gave last, per kind of file: the same wire's files come as the same type.
const sourceKey = (kind: string) => `wiredesk.ingest.source.${kind}`;
const kindOf = (fileName: string) => {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "no-extension";
};

function remembered(kind: string): string | null {
  try {
    return localStorage.getItem(sourceKey(kind));
  } catch {
    return null; // storage off (private mode, policy): nothing remembered
  }
}

function remember(kinds: string[], source: string) {
  try {
    for (const k of kinds) {
      if (source) localStorage.setItem(sourceKey(k), source);
      else localStorage.removeItem(sourceKey(k));
    }
  } catch {
    // storage off: the form still works, it just forgets
  }
}

const itemHref = (i: ItemReport) => (i.storyId !== undefined ? `/stories/${i.storyId}` : `/articles/${i.articleId}`);

function Item({ item }: { item: ItemReport }) {
  const title = item.headline ?? item.location;
  if (item.outcome === "failed") {
    return (
      <li data-outcome="failed">
        <span className="font-medium text-rose-800 dark:text-rose-300">failed</span> at {item.location}
        {item.headline && <> (“{item.headline}”)</>}: {item.reason}
      </li>
    );
  }
  if (item.outcome === "skipped") {
    return (
      <li data-outcome="skipped">
        <span className="font-medium">skipped</span> {item.location}: {item.reason}; see{" "}
        <Link className="underline" href={`/articles/${item.articleId}`}>the stored “{title}”</Link>
      </li>
    );
  }
  return (
    <li data-outcome={item.outcome}>
      <span className="font-medium">{item.outcome === "new" ? "new" : "updated"}</span>{" "}
      <Link className="underline" href={itemHref(item)}>{title}</Link>
      {item.storyId !== undefined && " (story)"}
      {item.links ? (
        <>
          {" "}· flagged as a copy ({item.links} link{item.links === 1 ? "" : "s"}):{" "}
          <Link className="underline" href={`/duplicates/for/${item.articleId}`}>compare</Link>
        </>
      ) : null}
    </li>
  );
}

function InputResult({ report }: { report: InputReport }) {
  const items = report.items ?? [];
  const problems = items.filter((i) => i.outcome === "failed" || i.outcome === "skipped");
  const stored = items.filter((i) => i.outcome === "new" || i.outcome === "updated");
  return (
    <li className="mt-2" data-testid="ingest-input">
      <p className="font-medium">
        {report.input}
        {report.format && <span className="font-normal text-stone-600 dark:text-stone-400"> · {report.format}</span>}
      </p>
      {problems.length > 0 && <ul className="mt-1 list-disc space-y-0.5 pl-5">{problems.map((i, n) => <Item key={n} item={i} />)}</ul>}
      {stored.length > 0 && (
        <details open={stored.length <= 20} className="mt-1">
          <summary className="cursor-pointer">{stored.length} stored</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">{stored.map((i, n) => <Item key={n} item={i} />)}</ul>
        </details>
      )}
    </li>
  );
}

export function IngestForm({ sources }: { sources: string[] }) {
  const router = useRouter();
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [sent, setSent] = useState(0);
  const [source, setSource] = useState("");
  // What the form last filled in by itself: a name the editor typed is never overwritten.
  const prefilled = useRef("");
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
  const onFiles = (files: FileList | null) => {
    const first = files?.[0];
    if (!first || (source !== "" && source !== prefilled.current)) return;
    const name = remembered(kindOf(first.name)) ?? "";
    prefilled.current = name;
    setSource(name);
  };
  const input = "rounded border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-950";
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <form
        ref={formRef}
        className="grid gap-4 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const files = form.getAll("files").filter((f): f is File => typeof f !== "string" && f.name !== "");
          const url = String(form.get("url") ?? "").trim();
          remember([...new Set([...files.map((f) => kindOf(f.name)), ...(url ? ["url"] : [])])], source.trim());
          m.mutate(form);
        }}
      >
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Files</span>
          <input name="files" type="file" multiple onChange={(e) => onFiles(e.currentTarget.files)} className="text-sm file:mr-3 file:rounded file:border-0 file:bg-stone-200 file:px-3 file:py-1.5 dark:file:bg-stone-700" />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">or a URL</span>
          <input
            name="url"
            type="url"
            placeholder="https://example.com/feed.xml"
            className={input}
            onChange={(e) => {
              if (e.currentTarget.value && (source === "" || source === prefilled.current)) {
                prefilled.current = remembered("url") ?? "";
                setSource(prefilled.current);
              }
            }}
          />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Source</span>
          <input
            name="source"
            list="ingest-sources"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            maxLength={200}
            placeholder="e.g. Reuters"
            aria-describedby="source-hint"
            className={input}
          />
          <datalist id="ingest-sources">
            {sources.map((s) => <option key={s} value={s} />)}
          </datalist>
        </label>
        <button
          type="submit"
          disabled={m.isPending}
          className="rounded bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:bg-stone-100 dark:text-stone-900 dark:hover:bg-stone-300"
        >
          {m.isPending ? "Ingesting…" : "Ingest"}
        </button>
        <p id="source-hint" className="text-xs text-stone-600 sm:col-span-4 dark:text-stone-400">
          The source files items under when they name none of their own (a scraped page&apos;s own site, a file of wire copy); remembered for each type of file.
        </p>
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
          <ul>{m.data.inputs.map((r, n) => <InputResult key={n} report={r} />)}</ul>
        </div>
      )}
    </div>
  );
}
