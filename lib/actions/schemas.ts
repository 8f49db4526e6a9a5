// The argument list every server action accepts, checked twice: by proxy.ts before Next decodes the request (so
// a body that is not the form the action expects gets a 400 with the reason, never a 500), and by the action
// itself (so a call that reaches it any other way is refused too). These schemas check the *shape* — which
// arguments, a form whose fields are text of a sane length — while each action's own schema judges the values
// and answers with field errors the form shows. Framework-free (zod only).
//
// Adding a server action: add its schema here under "<file>#<export>" (tests/security/action-schemas.test.ts
// fails until every exported action has one).
import { z } from "zod";
import { ASSIGNMENT_FIELDS } from "@/lib/cohorts/assignments/fields";
import { GRANTS } from "@/lib/cohorts/roster/core";
import { LANGS } from "@/lib/i18n/core";

/** A form field longer than this is refused before any action reads it (the longest real field is 200). */
export const FORM_FIELD_MAX_CHARS = 10_000;

/** Bodies of server-action requests above this many bytes are refused (413); Lacuna's forms are tiny. */
export const ACTION_BODY_MAX_BYTES = 64 * 1024;

/**
 * A FormData argument, read into `{ field: text }`: each named field may be absent (then "") or given once as
 * text (not a file) of at most FORM_FIELD_MAX_CHARS; other fields (React's own "$ACTION_…" markers) are ignored.
 */
function formSchema<F extends string>(fields: readonly F[]) {
  return z.instanceof(FormData, { error: "expected a form" }).transform((form, ctx) => {
    const values = {} as Record<F, string>;
    for (const field of fields) {
      const all = form.getAll(field);
      const value = all[0] ?? "";
      if (all.length > 1) ctx.addIssue({ code: "custom", path: [field], message: "must be given once" });
      else if (typeof value !== "string") ctx.addIssue({ code: "custom", path: [field], message: "must be text, not a file" });
      else if (value.length > FORM_FIELD_MAX_CHARS) ctx.addIssue({ code: "custom", path: [field], message: `must be at most ${FORM_FIELD_MAX_CHARS} characters` });
      else values[field] = value;
    }
    return values;
  });
}

/** useActionState's previous state: the action ignores it, but it must be the object the form keeps. */
const previousState = z.looseObject({}, { error: "expected the form's previous state (an object)" });

/** (previousState, form): an action behind useActionState. */
const formStateAction = <F extends string>(fields: readonly F[]) => z.tuple([previousState, formSchema(fields)]);
/** (form): a plain <form action={…}>. */
const formAction = <F extends string>(fields: readonly F[]) => z.tuple([formSchema(fields)]);

export const actionSchemas = {
  "app/signup/actions.ts#signUpAction": formStateAction(["email", "name", "password"]),
  "app/cohorts/actions.ts#createCohortAction": formStateAction(["name"]),
  "app/cohorts/actions.ts#saveCohortSettingsAction": formStateAction(["cohortId", "name", "timeZone"]),
  "app/cohorts/actions.ts#saveAssignmentAction": formStateAction(["cohortId", "assignmentId", ...ASSIGNMENT_FIELDS]),
  "app/cohorts/actions.ts#removeAssignmentAction": formAction(["cohortId", "assignmentId"]),
  "app/cohorts/actions.ts#restoreAssignmentAction": formAction(["cohortId", "assignmentId"]),
  "app/cohorts/actions.ts#setExtensionAction": formStateAction(["cohortId", "assignmentId", "userId", "dueAt", "confirmPast"]),
  "app/cohorts/actions.ts#removeExtensionAction": formAction(["cohortId", "assignmentId", "userId"]),
  "app/cohorts/actions.ts#removeMemberAction": formAction(["cohortId", "userId"]),
  "app/cohorts/actions.ts#restoreMemberAction": formAction(["cohortId", "userId"]),
  "app/cohorts/actions.ts#moveMemberAction": formStateAction(["cohortId", "userId", "toCohortId"]),
  "app/cohorts/actions.ts#inviteCoInstructorAction": formStateAction(["cohortId", "email", ...GRANTS]),
  "app/cohorts/actions.ts#updateGrantsAction": formAction(["cohortId", "userId", ...GRANTS]),
  "app/cohorts/actions.ts#removeCoInstructorAction": formAction(["cohortId", "userId"]),
  "app/cohorts/actions.ts#answerInvitationAction": z.tuple([formSchema(["cohortId", "answer"]).pipe(z.object({ cohortId: z.string(), answer: z.enum(["accept", "decline"], { error: 'must be "accept" or "decline"' }) }))]),
  "app/cohorts/[id]/analytics/actions.ts#sendFocusedReviewAction": formStateAction(["cohortId", "topicId", "learnerIds"]),
  "app/join/actions.ts#joinCohortAction": formStateAction(["code"]),
  "app/join/actions.ts#joinFromInviteAction": formAction(["code"]),
  "app/review/settings/actions.ts#savePreferencesAction": formStateAction(["dailyNewLimit", "desiredRetention", "timezone"]),
  "lib/i18n/actions.ts#setLangAction": z.tuple([z.enum(LANGS, { error: 'must be "en" or "zh"' })]),
} as const;

export type ActionKey = keyof typeof actionSchemas;

export function isActionKey(key: string): key is ActionKey {
  return Object.hasOwn(actionSchemas, key);
}

/** "arguments.1.email: must be text, not a file; …" — the reason a 400 gives. */
export function describeArgumentIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${["arguments", ...issue.path].join(".")}: ${issue.message}`).join("; ");
}

export class ActionArgumentError extends Error {}

/**
 * For the action itself: its arguments as the schema reads them, or ActionArgumentError. proxy.ts has already
 * answered 400 to a request whose arguments fail here; this guards every other way of calling the action.
 */
export function parseActionArgs<K extends ActionKey>(key: K, args: readonly unknown[]): z.output<(typeof actionSchemas)[K]> {
  const parsed = actionSchemas[key].safeParse(args);
  if (!parsed.success) throw new ActionArgumentError(`Invalid arguments for ${key}: ${describeArgumentIssues(parsed.error)}`);
  return parsed.data as z.output<(typeof actionSchemas)[K]>;
}
