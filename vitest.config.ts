// Unit and integration tests (vitest). Playwright's e2e tests are *.spec.ts and run separately.
// Two projects: "default" runs every *.test.ts on SQLite; "postgres" runs tests/db/** again against the
// real PostgreSQL (LACUNA_TEST_DB=postgres), each test database created and dropped by tests/helpers/db.ts.
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    environment: "node",
    // Limits for a loaded 2-core machine (grading took minutes at a load of 40): a test's own waits
    // (waitForFinished: 120 s by default) must fit inside its limit with room to spare; a test with several
    // waits in a row sets a larger limit of its own.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: "default",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: ["node_modules/**", ".next/**", "data/**", "tests/e2e/**", ".test-report-fixture-*/**", ".bench-next-floor-*/**"],
          env: { LACUNA_TEST_DB: "sqlite" },
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["tests/db/**/*.test.ts"],
          env: { LACUNA_TEST_DB: "postgres" },
        },
      },
    ],
  },
});
