import { createDb } from "../lib/server/db/client";
import { Prisma } from "../prisma/generated/sqlite/client";
async function main() {
  const db = createDb(process.argv[2]!);
  const ids = Array.from({ length: 50 }, (_, i) => 100000 - i);
  const list = Prisma.join(ids);
  const qs: [string, () => Promise<unknown>][] = [
    ["ids", () => db.$queryRaw`SELECT a."id" FROM "Article" a WHERE 1 = 1 ORDER BY a."id" DESC LIMIT 51`],
    ["rows", () => db.$queryRaw`SELECT a."id", a."uri", a."headline", substr(a."bodyText", 1, 240) AS "excerpt", a."dateline", a."status", a."firstCreated", a."ingestedAt", s."name" AS "source" FROM "Article" a LEFT JOIN "Source" s ON s."id" = a."sourceId" WHERE a."id" IN (${list})`],
    ["tags", () => db.$queryRaw`SELECT t."id", t."articleId", t."state", t."origin", t."confidence", t."rel", g."scheme", g."code", g."name" FROM "ArticleTag" t JOIN "Tag" g ON g."id" = t."tagId" WHERE t."articleId" IN (${list}) AND t."state" <> 'rejected'`],
    ["links", () => db.$queryRaw`SELECT x."id", count(*) AS n FROM (SELECT l."articleId" AS "id" FROM "DuplicateLink" l WHERE l."articleId" IN (${list}) AND l."state" IN ('suggested', 'confirmed') UNION ALL SELECT l."otherId" AS "id" FROM "DuplicateLink" l WHERE l."otherId" IN (${list}) AND l."state" IN ('suggested', 'confirmed')) x GROUP BY x."id"`],
    ["stamp", () => db.$queryRaw`SELECT (SELECT max("id") FROM "Article") AS a, (SELECT max("updatedAt") FROM "Article") AS b, (SELECT max("updatedAt") FROM "ArticleTag") AS c, (SELECT max("id") FROM "ArticleTag") AS d, (SELECT max("updatedAt") FROM "DuplicateLink") AS e, (SELECT max("id") FROM "AuditEntry") AS f, (SELECT count(*) FROM "DuplicateLink") AS g`],
  ];
  for (const [n, f] of qs) { await f(); const t = performance.now(); for (let i = 0; i < 10; i++) await f(); console.log(n, ((performance.now() - t) / 10).toFixed(2)); }
  await db.$disconnect();
}
main();
