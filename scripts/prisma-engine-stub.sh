#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on
# offline machines. `prisma generate` needs only a path to exist; migrations
# are applied by lib/server/db/migrate.ts instead.
echo "Wiredesk: the Prisma schema engine is not available offline; use npm run db:migrate." >&2
exit 1
