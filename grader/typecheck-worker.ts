/** The type-checker process forked by ../pool.ts: keeps one warm TypeScript program, checks one file at a time. */
import { checkTypes } from "./typecheck";
import { toTypeCheckerSchema } from "./sandbox/protocol";

process.on("message", (raw: unknown) => {
  const parsed = toTypeCheckerSchema.safeParse(raw);
  if (!parsed.success) return;
  try {
    process.send?.({ type: "result", id: parsed.data.id, warnings: checkTypes(parsed.data.source) });
  } catch (error) {
    process.send?.({ type: "failed", id: parsed.data.id, message: error instanceof Error ? error.message : String(error) });
  }
});
process.on("disconnect", () => process.exit(0));

checkTypes("export function warmUp(x: number): number { return x; }\n");
process.send?.({ type: "ready" });
