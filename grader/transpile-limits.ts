/** The source-size check, kept apart from ./transpile so the pool can apply it without loading esbuild. */
import type { Lang } from "../exercises/schema";
import { messages } from "./messages";
import type { CompileError } from "./report";

export function sourceTooLarge(source: string, maxBytes: number, lang: Lang): CompileError | null {
  const bytes = Buffer.byteLength(source, "utf8");
  return bytes > maxBytes ? { message: messages[lang].sourceTooLarge(bytes, maxBytes), location: null, lineText: null } : null;
}
