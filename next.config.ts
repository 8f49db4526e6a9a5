import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or wasm-loading packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "isolated-vm", "@tensorflow/tfjs", "esbuild", "@open-spaced-repetition/binding"],
  // Enables forbidden() → app/forbidden.tsx with a real 403 status (used by requireRole in lib/auth.ts).
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // Type errors are caught once, by `npm run typecheck` (the first step of `npm test`), so `next build` at
  // `npm start` does not type-check the whole tree a second time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
