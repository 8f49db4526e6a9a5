// The assignment form's fields, apart from their rules (./schema.ts) so lib/actions/schemas.ts (read by the
// proxy on every action request) can name them without loading the rules.
export const ASSIGNMENT_FIELDS = ["title", "exercises", "topics", "opensAt", "dueAt", "latePolicy", "penaltyPercent", "floorPercent", "attemptLimit", "confirmPast"] as const;
export type AssignmentField = (typeof ASSIGNMENT_FIELDS)[number];

/** What the form posts: every field as text; lists as comma- or newline-separated ids (checkboxes join them). */
export type AssignmentFormValues = Record<AssignmentField, string>;
