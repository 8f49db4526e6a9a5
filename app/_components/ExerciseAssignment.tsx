// The exercise page's assignment lines: "Assigned in Demo cohort · due in 6 days (…) · Counts: 70% …", one per
// cohort of the learner's that assigned this exercise (a learner in several cohorts sees each).
import { assignmentsOfExercise, learnerCohorts } from "@/lib/cohorts";
import { getDb } from "@/lib/db";
import { AssignmentTag } from "./AssignmentTag";

export async function ExerciseAssignment({ userId, slug }: { userId: string; slug: string }) {
  const assignments = assignmentsOfExercise(await learnerCohorts(getDb(), userId), slug);
  if (assignments.length === 0) return null;
  const now = new Date().toISOString();
  return (
    <div className="mb-3 flex flex-col items-start gap-1" data-testid="exercise-assignment">
      {assignments.map((a) => (
        <AssignmentTag key={a.assignmentId} assignment={a} now={now} />
      ))}
    </div>
  );
}
