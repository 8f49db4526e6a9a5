-- CreateTable
CREATE TABLE "MisconceptionItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "exerciseSlug" TEXT NOT NULL,
    "misconceptionId" TEXT NOT NULL,
    "activeKey" TEXT,
    "submissionId" TEXT NOT NULL,
    "namedAt" DATETIME NOT NULL,
    "lastSubmissionId" TEXT NOT NULL,
    "lastNamedAt" DATETIME NOT NULL,
    "passSubmissionId" TEXT,
    "passedAt" DATETIME,
    "retiredAt" DATETIME,
    "retiredByLogId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MisconceptionItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MisconceptionItem_activeKey_key" ON "MisconceptionItem"("activeKey");

-- CreateIndex
CREATE INDEX "MisconceptionItem_userId_exerciseSlug_misconceptionId_idx" ON "MisconceptionItem"("userId", "exerciseSlug", "misconceptionId");
