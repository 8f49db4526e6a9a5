// Error codes next-auth's client hands to the sign-in form as result.error (plain constants: imported by the
// client bundle and by the server's sign-in throttle alike).

/** Sign-in refused by the throttle (lib/sign-in-throttle.ts): 429 with Retry-After. */
export const THROTTLED_ERROR = "TooManyAttempts";
