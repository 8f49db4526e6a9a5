import { z } from "zod";
import { cardStateSchema, REVIEW_DURATION_MAX_MS, reviewRatingSchema } from "../core/schema";

/** Columns of the FSRS optimizer's review-log CSV (fsrs-optimizer / fsrs-rs / the binding's CSV import). */
export const reviewCsvColumns = ["card_id", "review_time", "review_rating", "review_state", "review_duration"] as const;
export const requiredReviewCsvColumns = ["card_id", "review_time", "review_rating"] as const;

// Each cell message is a code of ./messages.ts (cellCodes), which writes it in the learner's language.
const integerText = () =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, { message: "notInteger" })
    .transform(Number);

/** An optional column's cell: absent or empty means "not recorded" (null). */
function optionalCell<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v), schema.nullable());
}

/** One data row of the CSV, from its text cells. */
export const reviewCsvRowSchema = z.object({
  card_id: z.string().trim().min(1, { message: "cardIdEmpty" }),
  review_time: integerText().pipe(
    z.number().min(946_684_800_000, { message: "timeBefore2000" }).max(4_102_444_800_000, { message: "timeAfter2100" }),
  ),
  review_rating: integerText().pipe(
    z.number().refine((v) => v >= 1 && v <= 4, { message: "ratingRange" }).transform((v) => reviewRatingSchema.parse(v)),
  ),
  review_state: optionalCell(
    integerText().pipe(
      z.number().refine((v) => v >= 0 && v <= 3, { message: "stateRange" }).transform((v) => cardStateSchema.parse(v)),
    ),
  ),
  review_duration: optionalCell(
    integerText().pipe(
      z
        .number()
        .min(0, { message: "durationNegative" })
        .max(REVIEW_DURATION_MAX_MS, { message: "durationTooLong" }),
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
