import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { reapedChildrenUsage, scaleUsage, treeUsage, usagePer } from "./phases";

// 32 MiB of fresh, zero-filled memory touched page by page: at least 8,192 first touches of a 4 KiB page.
const touchedBytes = 32 << 20;
const touchMemory = `const b = Buffer.alloc(${touchedBytes}); for (let i = 0; i < b.length; i += 4096) b[i] = 1;`;
const minFaults = touchedBytes / 4096;

describe("process usage read from /proc", () => {
  it("counts the CPU and the page faults of children that have exited and been reaped", async () => {
    const before = reapedChildrenUsage();
    const child = spawn(process.execPath, ["-e", touchMemory], { stdio: "ignore" });
    await once(child, "exit");
    const used = usagePer(reapedChildrenUsage(), before, 1);
    expect(used.minorFaults).toBeGreaterThanOrEqual(minFaults);
    // Starting node alone takes tens of ms of CPU; /proc counts it in 10 ms ticks.
    expect(used.cpuMs).toBeGreaterThanOrEqual(10);
    expect(used.systemMs).toBeLessThanOrEqual(used.cpuMs);
  });

  it("adds a living process's descendants unless told not to", async () => {
    // A parent that starts a child which touches the memory, says so, and waits for its stdin to close.
    const grandchild = `${touchMemory} process.stdout.write("touched"); process.stdin.resume();`;
    const parent = spawn(
      process.execPath,
      ["-e", `const c = require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(grandchild)}], { stdio: ["pipe", "inherit", "inherit"] }); process.stdin.on("end", () => c.stdin.end()); process.stdin.resume();`],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    try {
      const [chunk] = (await once(parent.stdout!, "data")) as [Buffer];
      expect(chunk.toString()).toBe("touched");
      const tree = treeUsage(parent.pid!);
      const own = treeUsage(parent.pid!, false);
      expect(tree.minorFaults - own.minorFaults).toBeGreaterThanOrEqual(minFaults);
      expect(tree.cpuMs).toBeGreaterThan(own.cpuMs);
    } finally {
      parent.stdin!.end();
      await once(parent, "exit");
    }
  });

  it("scales every field alike", () => {
    expect(scaleUsage({ cpuMs: 10, systemMs: 4, minorFaults: 300 }, 0.5)).toEqual({ cpuMs: 5, systemMs: 2, minorFaults: 150 });
  });
});
