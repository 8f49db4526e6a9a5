/**
 * Maps positions in the transpiled submission back to the learner's TypeScript file, using the source map
 * esbuild writes. Only the "mappings" field of a single-source map is needed; decoding it is a few lines
 * of base64 VLQ, so no dependency.
 */
import type { SourceLocation } from "./report";

interface Segment {
  generatedColumn: number;
  sourceLine: number;
  sourceColumn: number;
}

const base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const base64Values = new Map([...base64].map((ch, i) => [ch, i]));

function decodeVlqFields(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = base64Values.get(ch);
    if (digit === undefined) throw new Error(`invalid source map character "${ch}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

export class LineMap {
  private readonly lines: Segment[][];

  constructor(mappings: string) {
    this.lines = [];
    let sourceLine = 0;
    let sourceColumn = 0;
    let sourceIndex = 0;
    for (const line of mappings.split(";")) {
      let generatedColumn = 0;
      const segments: Segment[] = [];
      for (const raw of line.split(",")) {
        if (!raw) continue;
        const fields = decodeVlqFields(raw);
        generatedColumn += fields[0] ?? 0;
        if (fields.length >= 4) {
          sourceIndex += fields[1] ?? 0;
          sourceLine += fields[2] ?? 0;
          sourceColumn += fields[3] ?? 0;
          if (sourceIndex === 0) segments.push({ generatedColumn, sourceLine, sourceColumn });
        }
      }
      this.lines.push(segments);
    }
  }

  /** 1-based generated line and column in, 1-based original position out (null outside the learner's code). */
  original(line: number, column: number): SourceLocation | null {
    const segments = this.lines[line - 1];
    if (!segments || segments.length === 0) return null;
    let best: Segment | undefined;
    for (const segment of segments) {
      if (segment.generatedColumn <= column - 1) best = segment;
      else break;
    }
    best ??= segments[0];
    if (!best) return null;
    return { line: best.sourceLine + 1, column: best.sourceColumn + 1 };
  }
}
