-- CreateTable
CREATE TABLE "MisconceptionItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "exerciseSlug" TEXT NOT NULL,
    "misconceptionId" TEXT NOT NULL,
    "activeKey" TEXT,
    "submissionId" TEXT NOT NULL,
    "namedAt" TIMESTAMP(3) NOT NULL,
    "lastSubmissionId" TEXT NOT NULL,
    "lastNamedAt" TIMESTAMP(3) NOT NULL,
    "passSubmissionId" TEXT,
    "passedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "retiredByLogId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MisconceptionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MisconceptionItem_activeKey_key" ON "MisconceptionItem"("activeKey");

-- CreateIndex
CREATE INDEX "MisconceptionItem_userId_exerciseSlug_misconceptionId_idx" ON "MisconceptionItem"("userId", "exerciseSlug", "misconceptionId");

-- AddForeignKey
ALTER TABLE "MisconceptionItem" ADD CONSTRAINT "MisconceptionItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
