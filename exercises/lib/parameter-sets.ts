/**
 * Shared by the optimiser exercises (momentum, RMSprop, Adam): a network's parameters keyed as in the
 * courses' programming assignments ("W1", "b1", …, with W⁽ˡ⁾ n⁽ˡ⁾×n⁽ˡ⁻¹⁾ and b⁽ˡ⁾ n⁽ˡ⁾×1), gradients and
 * optimiser state keyed "dW1", "db1", …, every value on a binary grid so float32 reads the inputs exactly.
 */
import { z } from "zod";
import type { Rng } from "./random";

export type ParameterSet = Record<string, number[][]>;

export const parameterSetSchema = z.record(z.string(), z.array(z.array(z.number()).min(1)).min(1));

/** Values on a 1/64 grid: exact in float32, so the oracle and the learner read the same numbers. */
export const onGrid = (value: number): number => Math.round(value * 64) / 64;

/** "W1", "b1", … for layer sizes [n⁰, n¹, …]. */
export function parameterShapes(layerSizes: readonly number[]): { name: string; rows: number; cols: number }[] {
  const shapes: { name: string; rows: number; cols: number }[] = [];
  for (let l = 1; l < layerSizes.length; l++) {
    shapes.push({ name: `W${l}`, rows: layerSizes[l]!, cols: layerSizes[l - 1]! });
    shapes.push({ name: `b${l}`, rows: layerSizes[l]!, cols: 1 });
  }
  return shapes;
}

/** One matrix per parameter, named by `prefix + name` ("" for parameters, "d" for gradients and state). */
export function randomSet(rng: Rng, layerSizes: readonly number[], prefix: string, draw: (i: number, j: number) => number): ParameterSet {
  const set: ParameterSet = {};
  for (const { name, rows, cols } of parameterShapes(layerSizes)) {
    set[prefix + name] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => onGrid(draw(i, j))));
  }
  return set;
}

/** A set of the same names and shapes as `like`, every entry `value`. */
export function filledLike(like: ParameterSet, value: number): ParameterSet {
  return Object.fromEntries(Object.entries(like).map(([key, m]) => [key, m.map((row) => row.map(() => value))]));
}

/** Entry-wise map over a set, keeping names. */
export function mapSet(set: ParameterSet, f: (value: number, key: string, i: number, j: number) => number): ParameterSet {
  return Object.fromEntries(Object.entries(set).map(([key, m]) => [key, m.map((row, i) => row.map((x, j) => f(x, key, i, j)))]));
}

/** Random layer sizes: `layers` layers of 1–4 units over 1–4 inputs. */
export function layerSizes(rng: Rng, layers: number): number[] {
  return Array.from({ length: layers + 1 }, () => rng.int(1, 4));
}
