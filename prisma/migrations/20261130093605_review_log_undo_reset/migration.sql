-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SrsReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "itemType" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "review" DATETIME NOT NULL,
    "durationMs" INTEGER,
    "source" TEXT NOT NULL,
    "score" REAL,
    "submissionId" TEXT,
    "firstOfDay" BOOLEAN NOT NULL,
    "undone" BOOLEAN NOT NULL DEFAULT false,
    "previousDue" DATETIME,
    "reps" INTEGER,
    "reset" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SrsReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "SrsCard" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SrsReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SrsReviewLog" ("cardId", "difficulty", "due", "durationMs", "elapsedDays", "firstOfDay", "id", "itemId", "itemType", "lastElapsedDays", "learningSteps", "rating", "review", "scheduledDays", "score", "source", "stability", "state", "submissionId", "undone", "userId") SELECT "cardId", "difficulty", "due", "durationMs", "elapsedDays", "firstOfDay", "id", "itemId", "itemType", "lastElapsedDays", "learningSteps", "rating", "review", "scheduledDays", "score", "source", "stability", "state", "submissionId", "undone", "userId" FROM "SrsReviewLog";
DROP TABLE "SrsReviewLog";
ALTER TABLE "new_SrsReviewLog" RENAME TO "SrsReviewLog";
CREATE INDEX "SrsReviewLog_userId_review_idx" ON "SrsReviewLog"("userId", "review");
CREATE INDEX "SrsReviewLog_cardId_review_idx" ON "SrsReviewLog"("cardId", "review");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
