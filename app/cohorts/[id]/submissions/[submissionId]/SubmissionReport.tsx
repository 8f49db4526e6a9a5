"use client";
// The stored grade report of a learner's submission, read-only for the instructor: the learner's own results
// panel (GradeResults), where a position in the code scrolls to that line of the listing beside it.
import type { ComponentProps } from "react";
import { GradeResults } from "@/app/_components/GradeResults";
import type { SourceLocation } from "@/grader/report";

type Props = Omit<ComponentProps<typeof GradeResults>, "onJump" | "next">;

function scrollToLine(location: SourceLocation): void {
  document.getElementById(`L${location.line}`)?.scrollIntoView({ block: "center" });
}

export function SubmissionReport(props: Props) {
  return <GradeResults {...props} onJump={scrollToLine} />;
}
