import type { NextConfig } from "next";
import { ASSET_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/web-security";

const nextConfig: NextConfig = {
  // LACUNA_NEXT_DIST_DIR lets two builds in one work tree (an engineer's e2e run beside another's) keep apart.
  distDir: process.env.LACUNA_NEXT_DIST_DIR ?? ".next",
  // Native or wasm-loading packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "isolated-vm", "@tensorflow/tfjs", "esbuild", "@open-spaced-repetition/binding"],
  // Enables forbidden() → app/forbidden.tsx with a real 403 status (used by requireRole in lib/auth.ts).
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Type errors are caught once, by `npm run typecheck` (the first step of `npm test`), so `next build` at
  // `npm start` does not type-check the whole tree a second time.
  typescript: { ignoreBuildErrors: true },
  // Pages, route handlers and actions get their security headers from proxy.ts; the static files it skips get
  // theirs here.
  async headers() {
    const headers = [["Content-Security-Policy", ASSET_CONTENT_SECURITY_POLICY], ...Object.entries(SECURITY_HEADERS)].map(([key, value]) => ({ key: key!, value: value! }));
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({ source, headers }));
  },
};

export default nextConfig;
