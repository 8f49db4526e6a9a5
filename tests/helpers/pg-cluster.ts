// A throw-away PostgreSQL server of its own (Debian's initdb/pg_ctl, a temporary data directory, its own port),
// for tests that stop or restart the server: the shared one on 127.0.0.1:5432 stays untouched.
//
//   const cluster = await startThrowawayCluster(3919);   // initdb + start, trust auth, user postgres
//   cluster.url("lacuna_x")                             // a DATABASE_URL on it
//   await cluster.restart() / stop() / start();  await cluster.destroy();
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface ThrowawayCluster {
  port: number;
  url(database?: string): string;
  start(): Promise<void>;
  stop(): void;
  restart(): Promise<void>;
  createDatabase(name: string): Promise<string>;
  destroy(): void;
}

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort().at(-1) : undefined;
  if (!version) throw new Error("PostgreSQL's server binaries are missing (apt-get install -y postgresql)");
  return path.join(root, version, "bin");
}

/** Runs a server binary as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function runAsPostgres(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? "runuser" : binary;
  const argv = asRoot ? ["-u", "postgres", "--", binary, ...args] : args;
  const result = spawnSync(command, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) throw new Error(`${path.basename(binary)} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
}

async function waitUntilAccepting(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the throw-away PostgreSQL did not accept connections: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export async function startThrowawayCluster(port: number): Promise<ThrowawayCluster> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-pg-"));
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  runAsPostgres(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const url = (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`;
  const pgCtl = (args: string[]) => runAsPostgres(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), ...args]);
  const cluster: ThrowawayCluster = {
    port,
    url,
    async start() {
      pgCtl(["-o", options, "-w", "start"]);
      await waitUntilAccepting(url(), 30_000);
    },
    stop() {
      pgCtl(["-m", "fast", "-w", "stop"]);
    },
    async restart() {
      cluster.stop();
      await cluster.start();
    },
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    destroy() {
      try {
        cluster.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
