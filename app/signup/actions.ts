"use server";
import { parseActionArgs } from "@/lib/actions/schemas";
import { signUp, type FieldErrors } from "@/lib/accounts";
import { getDb } from "@/lib/db";

export interface SignUpState {
  ok: boolean;
  /** Field → message key (auth.errors.*), translated by the form. */
  fieldErrors: FieldErrors;
  values: { email: string; name: string };
}

export async function signUpAction(previous: SignUpState, form: FormData): Promise<SignUpState> {
  const [, input] = parseActionArgs("app/signup/actions.ts#signUpAction", [previous, form]);
  const result = await signUp(getDb(), input);
  return {
    ok: result.ok,
    fieldErrors: result.ok ? {} : result.fieldErrors,
    values: { email: input.email, name: input.name },
  };
}
