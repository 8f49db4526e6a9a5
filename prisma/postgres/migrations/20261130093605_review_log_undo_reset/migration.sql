-- AlterTable
ALTER TABLE "SrsReviewLog" ADD COLUMN     "previousDue" TIMESTAMP(3),
ADD COLUMN     "reps" INTEGER,
ADD COLUMN     "reset" BOOLEAN NOT NULL DEFAULT false;
