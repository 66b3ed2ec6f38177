import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/page";
import { permissions, type Permission, type Role } from "@/lib/schemas/roles";

export const metadata = { title: "Not allowed · Wiredesk" };

const withArticle = (role: string) => `${/^[aeiou]/i.test(role) ? "an" : "a"} ${role}`;

/** "admin", "editor or admin": the roles that may, most common first. */
const rolesFor = (need: Permission) => [...(permissions[need] as readonly Role[])].reverse().join(" or ");

const WHAT: Record<Permission, string> = {
  read: "reading the desk",
  triage: "triage (statuses, tags, duplicates)",
  ingest: "ingesting copy",
  taxonomy: "the taxonomy",
  users: "managing users",
  sources: "the polled sources",
  audit: "the full audit log",
};

export default async function NotAllowedPage({ searchParams }: PageProps<"/not-allowed">) {
  const user = await requirePageUser("read", "/not-allowed");
  const raw = (await searchParams).need;
  const need = typeof raw === "string" && Object.hasOwn(permissions, raw) ? (raw as Permission) : null;
  return (
    <div className="mx-auto mt-12 max-w-md text-center">
      <h1 className="text-xl font-semibold">Not allowed</h1>
      <p className="mt-2 text-sm text-stone-600 dark:text-stone-400" data-testid="not-allowed-why">
        You are signed in as {user.name}, {withArticle(user.role)}.{" "}
        {need
          ? `That page is for ${WHAT[need]}, which needs the ${rolesFor(need)} role.`
          : "That page needs a role you do not have."}{" "}
        Ask an admin if you need it.
      </p>
      <p className="mt-4">
        <Link className="underline focus-visible:outline-2 focus-visible:outline-blue-600" href="/">
          Back to the queue
        </Link>
      </p>
    </div>
  );
}
