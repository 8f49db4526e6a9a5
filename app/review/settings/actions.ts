"use server";
// Saves the learner's review preferences from the /review/settings form.
import { revalidatePath } from "next/cache";
import { parseActionArgs } from "@/lib/actions/schemas";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { reviewPreferencesSchema, saveReviewPreferences } from "@/lib/review/settings";

// A "use server" file exports only async functions (and types): the list stays here.
const PREFERENCE_FIELDS = ["dailyNewLimit", "desiredRetention", "timezone"] as const;
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

/**
 * `invalid` carries what the learner typed (so the form shows it again, not the saved value) and, per field
 * that is wrong, the key of its message under review.settings.errors (the form writes it in the page's language).
 */
export type SaveState =
  | { status: "idle" }
  | { status: "saved" }
  | { status: "invalid"; values: Record<PreferenceField, string>; fieldErrors: Partial<Record<PreferenceField, PreferenceField>> };

export async function savePreferencesAction(previous: SaveState, form: FormData): Promise<SaveState> {
  const [, fields] = parseActionArgs("app/review/settings/actions.ts#savePreferencesAction", [previous, form]);
  const user = await requireUser();
  const parsed = reviewPreferencesSchema.safeParse(fields);
  if (!parsed.success) {
    const values = Object.fromEntries(PREFERENCE_FIELDS.map((name) => [name, String(form.get(name) ?? "").slice(0, 200)])) as Record<PreferenceField, string>;
    const fieldErrors: Partial<Record<PreferenceField, PreferenceField>> = {};
    for (const issue of parsed.error.issues) {
      const field = PREFERENCE_FIELDS.find((name) => name === issue.path[0]);
      if (field) fieldErrors[field] = field;
    }
    return { status: "invalid", values, fieldErrors };
  }
  await saveReviewPreferences(getDb(), user.id, parsed.data);
  revalidatePath("/review");
  return { status: "saved" };
}
