// Settles the exercise page's status before anything streams: a 404 for an unknown exercise, a 307 to sign-in
// for a signed-out visitor. The page's own checks run inside loading.tsx's boundary, whose skeleton has already
// gone out with a 200 by then (a soft "not found", a sign-in by meta refresh); this layout sits above it.
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { findExercise } from "@/exercises/catalog";
import { requireUser } from "@/lib/auth";

export default async function ExerciseLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!findExercise(slug)) notFound();
  await requireUser();
  return children;
}
