// Next calls register() once when a server process starts. In the Node.js runtime it installs the request
// observer (lib/observability/http-observer.ts): request ids, HTTP latency metrics and the request log.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { observeWebServer } = await import("./lib/observability/http-observer");
  observeWebServer();
}
