// Settles the exercise page's status before anything streams: a 404 for an unknown exercise. The page's own
// checks run inside loading.tsx's boundary, whose skeleton has already gone out with a 200 by then (a soft "not
// found"); this layout sits above it. Signed out is no reason to leave: the page has a guest mode.
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { findExercise } from "@/exercises/catalog";

export default async function ExerciseLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!findExercise(slug)) notFound();
  return children;
}
