-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "requestId" TEXT;
