-- CreateIndex
CREATE INDEX "Submission_cohort_grades_idx" ON "Submission"("userId", "status", "kind", "exerciseSlug", "createdAt", "score", "passed", "id");
