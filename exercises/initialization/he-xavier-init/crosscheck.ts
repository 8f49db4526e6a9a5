/**
 * Proves the reference's convention against TensorFlow.js's own initialisers: tf.initializers.heNormal and
 * glorotNormal, drawn for a kernel of shape [n[l−1], n[l]] (Keras's layout), have the standard deviation the
 * reference scales by. tfjs draws from a normal truncated at ±2σ without rescaling, whose standard deviation
 * is 0.8796 σ; the check divides that out. Over 40 000 draws the sample standard deviation is within about
 * 0.5 % (one standard error); the tolerance allows 3 %.
 */
import { tf } from "../../lib/tf";
import type { CrossCheck, CrossCheckResult } from "../../schema";
import reference from "./reference";

/** Standard deviation of a standard normal truncated to [−2, 2]. */
const truncatedStd = 0.87962566103423978;

const crossCheck: CrossCheck = (seed) => {
  const results: CrossCheckResult[] = [];
  for (const [method, fanIn, fanOut] of [["he", 200, 200], ["he", 400, 100], ["xavier", 100, 400], ["xavier", 250, 160]] as const) {
    const initializer = method === "he" ? tf.initializers.heNormal({ seed }) : tf.initializers.glorotNormal({ seed });
    const kernel = initializer.apply([fanIn, fanOut], "float32");
    const values = kernel.dataSync();
    kernel.dispose();
    let sumSquares = 0;
    for (const v of values) sumSquares += v * v;
    const libraryStd = Math.sqrt(sumSquares / values.length) / truncatedStd;
    // The reference's scale: one layer whose draws are all 1.
    const ones = Array.from({ length: fanOut }, () => new Array<number>(fanIn).fill(1));
    const { W } = reference([fanIn, fanOut], [ones], method) as { W: number[][][] };
    const referenceStd = W[0]![0]![0]!;
    results.push({
      name: `tf.initializers.${method === "he" ? "heNormal" : "glorotNormal"} [${fanIn}, ${fanOut}]: std ratio − 1`,
      maxAbsError: Math.abs(libraryStd / referenceStd - 1),
      tolerance: 0.03,
    });
  }
  return results;
};

export default crossCheck;
