// A signed-out visitor's code for one exercise, kept in this browser's localStorage (nothing is stored on the
// server for a guest). After signing in, the workspace moves it into the learner's draft and clears it.
import "@/lib/zod-jitless";
import { z } from "zod";

export interface GuestDraft {
  source: string;
  hintsRevealed: number;
}

const guestDraftSchema = z.object({ source: z.string(), hintsRevealed: z.number().int().min(0).max(100) });

const keyOf = (slug: string) => `lacuna:guest-draft:${slug}`;

/** The kept code, or null (none, unreadable, or storage unavailable, e.g. blocked cookies). */
export function readGuestDraft(slug: string): GuestDraft | null {
  try {
    const text = window.localStorage.getItem(keyOf(slug));
    if (text === null) return null;
    const parsed = guestDraftSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the code; the error's message when the browser refuses (storage full or disabled). */
export function writeGuestDraft(slug: string, draft: GuestDraft): string | null {
  try {
    window.localStorage.setItem(keyOf(slug), JSON.stringify(draft));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function clearGuestDraft(slug: string): void {
  try {
    window.localStorage.removeItem(keyOf(slug));
  } catch {
    // Nothing kept, nothing to clear.
  }
}
