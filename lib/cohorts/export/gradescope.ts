// The Gradescope autograder bundle of one assignment: a .zip with setup.sh, run_autograder and
// lacuna-autograder.json at its root, as Gradescope's "Autograder" upload expects. Gradescope unzips it into
// /autograder/source, runs setup.sh once when it builds the image, copies run_autograder to
// /autograder/run_autograder and runs it for every submission (the learner's files in /autograder/submission);
// the score is what /autograder/results/results.json says. setup.sh installs Lacuna's grader (Node 20 and the
// package named by lacuna-autograder.json's "package", or $LACUNA_PACKAGE); run_autograder grades with it
// (grader/gradescope-autograder.ts). Framework-free: the route app/api/cohorts/[id]/assignments/[assignmentId]/
// gradescope.zip serves it, tests/cohorts/gradescope-bundle.test.ts runs it.
import { autograderConfigSchema, type AutograderConfig } from "../../../grader/gradescope";
import { zip, type ZipEntry } from "./zip";

export const AUTOGRADER_CONFIG_FILE = "lacuna-autograder.json";

/** setup.sh: runs as root in /autograder/source on Gradescope's Ubuntu image (AUTOGRADER_ROOT moves it for tests). */
export const SETUP_SH = `#!/usr/bin/env bash
# Installs Lacuna's grader for this assignment's autograder (Gradescope runs this once, as root).
set -euo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
LACUNA_HOME="\${LACUNA_HOME:-$ROOT/lacuna}"
CONFIGURED=$(sed -n 's/^ *"package": *"\\(.*\\)",\\{0,1\\} *$/\\1/p' "$SOURCE/${AUTOGRADER_CONFIG_FILE}")
PACKAGE="\${LACUNA_PACKAGE:-$CONFIGURED}"
if [ -z "$PACKAGE" ]; then
  echo "setup.sh: no package to install Lacuna's grader from: set \\"package\\" in ${AUTOGRADER_CONFIG_FILE} (an npm install spec, e.g. a git URL with a commit or a tarball URL)" >&2
  exit 2
fi
mkdir -p "$LACUNA_HOME"
if [ -d "$PACKAGE" ] && [ -f "$PACKAGE/grader/gradescope-autograder.ts" ] && [ -d "$PACKAGE/node_modules" ]; then
  # A checkout whose dependencies are installed already (how the tests run this script).
  ln -sfn "$(cd "$PACKAGE" && pwd)" "$LACUNA_HOME/lacuna"
  exit 0
fi
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  apt-get update
  apt-get install -y ca-certificates curl g++ make python3
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y nodejs
fi
cd "$LACUNA_HOME"
[ -f package.json ] || echo '{ "private": true }' > package.json
# Install scripts are skipped (the web app's Prisma generate, the SQLite driver) except the grader's own:
# isolated-vm compiles its sandbox, esbuild fetches nothing (its binary is an npm package).
npm install --no-audit --no-fund --ignore-scripts "$PACKAGE"
npm rebuild isolated-vm esbuild
ln -sfn "$LACUNA_HOME/node_modules/lacuna" "$LACUNA_HOME/lacuna"
`;

/** run_autograder: grades /autograder/submission into /autograder/results/results.json. */
export const RUN_AUTOGRADER = `#!/usr/bin/env bash
# Grades one submission with Lacuna's grader (installed by setup.sh) and writes results/results.json.
set -euo pipefail
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
LACUNA="\${LACUNA_HOME:-$ROOT/lacuna}/lacuna"
cd "$LACUNA"
exec node --import tsx grader/gradescope-autograder.ts "$ROOT/source/${AUTOGRADER_CONFIG_FILE}" "$ROOT/submission" "$ROOT/results/results.json"
`;

function readme(config: AutograderConfig): string {
  const files = config.exercises.map((e) => `  - ${e.file}: ${e.title} (${e.points} points)`).join("\n");
  return `Lacuna autograder for "${config.assignment.title}"

Upload this .zip as the autograder of a Gradescope programming assignment (Ubuntu base image).
Learners submit one TypeScript file per exercise, named:
${files}
Each exercise is graded on seed ${config.seed}: visible cases show their inputs and outputs, hidden cases
are shown after grades are published. A named misconception is explained in the output.
Late penalties are not applied here: set them in Gradescope's assignment settings.

setup.sh installs Node 20 and Lacuna's grader from "package" in ${AUTOGRADER_CONFIG_FILE}${config.package ? ` (${config.package})` : " (not set: edit it before uploading)"}.
`;
}

/** The bundle's files; `config` is checked against the schema run_autograder reads. */
export function gradescopeBundleEntries(raw: AutograderConfig): ZipEntry[] {
  const config = autograderConfigSchema.parse(raw);
  return [
    { name: "setup.sh", content: SETUP_SH, mode: 0o755 },
    { name: "run_autograder", content: RUN_AUTOGRADER, mode: 0o755 },
    { name: AUTOGRADER_CONFIG_FILE, content: `${JSON.stringify(config, null, 2)}\n` },
    { name: "README.txt", content: readme(config) },
  ];
}

export function gradescopeBundle(config: AutograderConfig, modified?: Date): Buffer {
  return zip(gradescopeBundleEntries(config), modified);
}
