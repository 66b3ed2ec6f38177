import Link from "next/link";

const link = "underline focus-visible:outline-2 focus-visible:outline-blue-600";

/** What a missing page says: what was not found, why that may be, and the way back. */
export function NotFoundPanel({ what, why }: { what: string; why: string }) {
  return (
    <div className="mx-auto mt-12 max-w-md text-center" data-testid="not-found">
      <h1 className="text-xl font-semibold">{what}</h1>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400">{why}</p>
      <p className="mt-4 flex justify-center gap-4 text-sm">
        <Link className={link} href="/">Back to the queue</Link>
        <Link className={link} href="/duplicates">Duplicates</Link>
      </p>
    </div>
  );
}
