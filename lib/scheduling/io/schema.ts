import { z } from "zod";
import { cardStateSchema, REVIEW_DURATION_MAX_MS, reviewRatingSchema } from "../core/schema";

/** Columns of the FSRS optimizer's review-log CSV (fsrs-optimizer / fsrs-rs / the binding's CSV import). */
export const reviewCsvColumns = ["card_id", "review_time", "review_rating", "review_state", "review_duration"] as const;
export const requiredReviewCsvColumns = ["card_id", "review_time", "review_rating"] as const;

const integerText = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, { message: `${what} must be an integer` })
    .transform(Number);

/** An optional column's cell: absent or empty means "not recorded" (null). */
function optionalCell<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v), schema.nullable());
}

/** One data row of the CSV, from its text cells. */
export const reviewCsvRowSchema = z.object({
  card_id: z.string().trim().min(1, { message: "card_id is empty" }),
  review_time: integerText("review_time (milliseconds since 1970)").pipe(
    z.number().min(946_684_800_000, { message: "review_time must be milliseconds since 1970 after 2000-01-01 (seconds given?)" }).max(4_102_444_800_000, { message: "review_time is after 2100" }),
  ),
  review_rating: integerText("review_rating").pipe(
    z.number().refine((v) => v >= 1 && v <= 4, { message: "review_rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }).transform((v) => reviewRatingSchema.parse(v)),
  ),
  review_state: optionalCell(
    integerText("review_state").pipe(
      z.number().refine((v) => v >= 0 && v <= 3, { message: "review_state must be 0 (New), 1 (Learning), 2 (Review) or 3 (Relearning)" }).transform((v) => cardStateSchema.parse(v)),
    ),
  ),
  review_duration: optionalCell(
    integerText("review_duration (milliseconds)").pipe(
      z
        .number()
        .min(0, { message: "review_duration must not be negative" })
        .max(REVIEW_DURATION_MAX_MS, { message: `review_duration must be at most ${REVIEW_DURATION_MAX_MS} (one day in milliseconds)` }),
    ),
  ),
});

/** A flashcard as the Anki export needs it (independent of the flashcard loader's own types). */
export const ankiCardSchema = z.object({
  id: z.string().min(1),
  front: z.object({ zh: z.string(), en: z.string() }),
  back: z.object({ zh: z.string(), en: z.string() }),
  topics: z.array(z.string().min(1)),
});
export type AnkiCardInput = z.input<typeof ankiCardSchema>;
