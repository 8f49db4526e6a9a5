// Password hashing with bcrypt (bcryptjs: pure JS, no native build).
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares `plain` with a hash of a random password at the same cost and answers false: an unknown account
 * then costs the same bcrypt work as a wrong password, so the answer's timing does not tell which e-mails exist.
 */
export async function verifyAgainstNothing(plain: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64"));
  await bcrypt.compare(plain, await dummyHash);
  return false;
}
