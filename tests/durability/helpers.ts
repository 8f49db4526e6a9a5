// Shared by the durability tests: waiting for a condition (readiness, never a fixed time).

/** Polls `condition` every `everyMs` until it holds; throws after `timeoutMs` with `describe()` in the message. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => "",
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met after ${timeoutMs} ms${describe() ? `:\n${describe()}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
