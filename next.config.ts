import type { NextConfig } from "next";
import { bodyLimitFor, integerAbove, PROXY_BODY_COPY_BYTES, REVIEW_IMPORT_PATH } from "./lib/http/limits";
import { ASSET_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/web-security";

const nextConfig: NextConfig = {
  // LACUNA_NEXT_DIST_DIR lets two builds in one work tree (an engineer's e2e run beside another's) keep apart.
  distDir: process.env.LACUNA_NEXT_DIST_DIR ?? ".next",
  // Native or wasm-loading packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "isolated-vm", "@tensorflow/tfjs", "esbuild", "@open-spaced-repetition/binding", "pg-boss"],
  // Enables forbidden() → app/forbidden.tsx with a real 403 status (used by requireRole in lib/auth.ts).
  // proxyClientMaxBodySize: Next copies a request's body for proxy.ts up to this size (default 10 MB); just
  // above the largest route limit (lib/http/limits.ts), so a body it cuts short is still refused by its route.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: PROXY_BODY_COPY_BYTES },
  // A request declaring more bytes than its route takes is answered 413 at once, without waiting for the body
  // (proxy.ts lets these requests pass untouched; see its matcher).
  async rewrites() {
    const overLimit = (path: string) => [{ type: "header" as const, key: "content-length", value: integerAbove(bodyLimitFor(path)) }];
    return {
      beforeFiles: [
        { source: REVIEW_IMPORT_PATH, has: overLimit(REVIEW_IMPORT_PATH), destination: "/api/request-too-large" },
        { source: "/:path((?!api/review/import$).*)", has: overLimit("/"), destination: "/api/request-too-large" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  poweredByHeader: false,
  // Type errors are caught once, by `npm run typecheck` (the first step of `npm test`), so `next build` at
  // `npm start` does not type-check the whole tree a second time.
  typescript: { ignoreBuildErrors: true },
  // Pages, route handlers and actions get their security headers from proxy.ts; what it skips gets theirs here:
  // the static files, and POST/GET /api/submissions (JSON, never rendered as a page).
  async headers() {
    const headers = [["Content-Security-Policy", ASSET_CONTENT_SECURITY_POLICY], ...Object.entries(SECURITY_HEADERS)].map(([key, value]) => ({ key: key!, value: value! }));
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/api/submissions"].map((source) => ({ source, headers }));
  },
};

export default nextConfig;
