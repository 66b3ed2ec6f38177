-- AlterTable
ALTER TABLE "Article" ADD COLUMN "dedupConfig" TEXT;
ALTER TABLE "Article" ADD COLUMN "canonical" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DedupKey" (
    "articleId" INTEGER NOT NULL,
    "band" INTEGER NOT NULL,
    "key" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "band", "key"),
    CONSTRAINT "DedupKey_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaggingModel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "newsroom" TEXT NOT NULL DEFAULT 'default',
    "model" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DedupKey_band_key_idx" ON "DedupKey"("band", "key");

-- CreateIndex
CREATE UNIQUE INDEX "TaggingModel_newsroom_key" ON "TaggingModel"("newsroom");
