// A minimal ZIP writer (deflate, no ZIP64) for the small bundles Lacuna hands out: Gradescope's autograder
// wants a .zip with executable scripts at its root. Unix permissions go in the external attributes (made by
// "Unix"), so `unzip` and Gradescope keep `run_autograder` executable. Framework-free (node:zlib only).
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** A relative path with "/" separators, e.g. "setup.sh". */
  name: string;
  content: string | Uint8Array;
  /** Unix permission bits, e.g. 0o755 for a script; default 0o644. */
  mode?: number;
}

/** MS-DOS date and time of `date` (local fields as ZIP readers show them; 2-second resolution). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The archive's bytes. Entries keep their order; names must be unique. */
export function zip(entries: readonly ZipEntry[], modified: Date = new Date()): Buffer {
  const names = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const { time, day } = dosDateTime(modified);
  for (const entry of entries) {
    if (!entry.name || entry.name.startsWith("/") || entry.name.split("/").includes("..")) throw new Error(`zip: unsafe entry name "${entry.name}"`);
    if (names.has(entry.name)) throw new Error(`zip: duplicate entry "${entry.name}"`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, "utf8");
    const data = typeof entry.content === "string" ? Buffer.from(entry.content, "utf8") : Buffer.from(entry.content);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    // Version needed … name length: the same 24 bytes in the local header (at 4) and the central one (at 6).
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      header.writeUInt16LE(0x0800, at + 2); // flags: names are UTF-8
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(day, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, spec 2.0: the external attributes hold the mode
    common(central, 6);
    central.writeUInt32LE((0o100000 | (entry.mode ?? 0o644)) * 0x10000, 38); // regular file + permissions, high 16 bits
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
