-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "dedupConfig" TEXT,
ADD COLUMN     "canonical" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DedupKey" (
    "articleId" INTEGER NOT NULL,
    "band" INTEGER NOT NULL,
    "key" INTEGER NOT NULL,

    CONSTRAINT "DedupKey_pkey" PRIMARY KEY ("articleId","band","key")
);

-- CreateTable
CREATE TABLE "TaggingModel" (
    "id" SERIAL NOT NULL,
    "newsroom" TEXT NOT NULL DEFAULT 'default',
    "model" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaggingModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DedupKey_band_key_idx" ON "DedupKey"("band", "key");

-- CreateIndex
CREATE UNIQUE INDEX "TaggingModel_newsroom_key" ON "TaggingModel"("newsroom");

-- AddForeignKey
ALTER TABLE "DedupKey" ADD CONSTRAINT "DedupKey_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
