// next-auth's routes (sign-in, sign-out, session, CSRF token). The credentials callback goes through the sign-in
// throttle (lib/sign-in-throttle.ts) first: failed passwords are counted per account and per address.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { createSignInThrottle, throttleCredentialsSignIn, type SignInThrottle } from "@/lib/sign-in-throttle";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

let throttle: SignInThrottle | undefined;

export async function POST(request: Request, context: Context): Promise<Response> {
  throttle ??= createSignInThrottle(getDb());
  return throttleCredentialsSignIn(request, (forwarded) => handler(forwarded, context), throttle);
}

/** next-auth answers a GET of the credentials callback with a 500 ("not supported"): it takes only the form's POST. */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return Response.json({ error: "the credentials callback takes a POST from the sign-in form" }, { status: 405, headers: { allow: "POST" } });
  }
  return handler(request, context);
}
