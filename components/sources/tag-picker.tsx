"use client";

import { useQuery } from "@tanstack/react-query";
import { tagQueries } from "@/lib/queries/tags";
import { useId, useState } from "react";

export interface PickedTag {
  code: string;
  name: string;
}

/** Default tags for a source: topics, newsroom tags and countries, found by name (GET /api/tags). */
export function TagPicker({ value, onChange }: { value: PickedTag[]; onChange: (tags: PickedTag[]) => void }) {
  const [q, setQ] = useState("");
  const id = useId();
  const found = useQuery(tagQueries.search(q));
  const options = (found.data ?? []).filter((t) => !value.some((v) => v.code === t.code));
  return (
    <div>
      <label htmlFor={`${id}-input`} className="text-sm font-medium">Default tags</label>
      <p className="text-xs text-stone-600 dark:text-stone-400">Accepted on every item from this feed. Editors can still reject them.</p>
      {value.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1" aria-label="Chosen default tags">
          {value.map((t) => (
            <li key={t.code} className="inline-flex items-center gap-1 rounded-full bg-sky-50 px-2 py-0.5 text-xs text-sky-900 ring-1 ring-inset ring-sky-300 dark:bg-sky-950 dark:text-sky-100">
              {t.name}
              <button type="button" aria-label={`Remove ${t.name}`} className="font-bold" onClick={() => onChange(value.filter((v) => v.code !== t.code))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-input`}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="topic or country…"
        role="combobox"
        aria-expanded={options.length > 0 && q.trim().length >= 2}
        aria-controls={`${id}-list`}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950"
      />
      {options.length > 0 && q.trim().length >= 2 && (
        <ul id={`${id}-list`} role="listbox" className="mt-1 max-h-40 overflow-auto rounded border border-stone-200 bg-white text-sm shadow dark:border-stone-700 dark:bg-stone-900">
          {options.map((t) => (
            <li key={t.code} role="option" aria-selected={false}>
              <button
                type="button"
                className="w-full px-2 py-1 text-left hover:bg-stone-100 dark:hover:bg-stone-800"
                onClick={() => {
                  onChange([...value, { code: t.code, name: t.name }]);
                  setQ("");
                }}
              >
                {t.name} <span className="text-xs text-stone-600 dark:text-stone-400">{t.scheme === "iso3166" ? t.code : t.scheme === "newsroom" ? "newsroom" : "topic"}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
