"use server";
// Saves the learner's review preferences from the /review/settings form.
import { revalidatePath } from "next/cache";
import { parseActionArgs } from "@/lib/actions/schemas";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { reviewPreferencesSchema, saveReviewPreferences } from "@/lib/review/settings";

export type SaveState = { status: "idle" } | { status: "saved" } | { status: "invalid"; details: string };

export async function savePreferencesAction(previous: SaveState, form: FormData): Promise<SaveState> {
  const [, fields] = parseActionArgs("app/review/settings/actions.ts#savePreferencesAction", [previous, form]);
  const user = await requireUser();
  const parsed = reviewPreferencesSchema.safeParse(fields);
  if (!parsed.success) return { status: "invalid", details: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  await saveReviewPreferences(getDb(), user.id, parsed.data);
  revalidatePath("/review");
  return { status: "saved" };
}
