/**
 * The oracle: the two paths built as tf.sequential models of tf.layers.conv2d ('same', stride 1, channels last).
 * Each layer reports its output shape, its kernel ([f, f, c_in, c_out]) and its parameter count (countParams);
 * each kernel weight meets one input value at every output position, so a layer's multiplications are
 * (output height × width) × (kernel size). The counts are products of integers, kept in float64 by plain
 * arithmetic on the shapes tf.layers gives (a float32 tensor could not hold 120,422,400 exactly).
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const positive = z.number().int().positive();
export const argsSchema = z.tuple([z.tuple([positive, positive, positive]), positive, positive, z.array(positive).min(1)]);

interface PathCost {
  multiplications: number;
  parameters: number;
}

/** The layers' kernel sizes and output shapes, read off a built model of 'same' convolutions. */
export function pathCost(inputShape: [number, number, number], convolutions: { f: number; filters: number }[]): PathCost {
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape }));
  const layers = convolutions.map(({ f, filters }) => {
    const layer = tf.layers.conv2d({ kernelSize: f, filters, strides: 1, padding: "same", dataFormat: "channelsLast", useBias: true, kernelInitializer: "zeros" });
    model.add(layer);
    return layer;
  });
  let multiplications = 0;
  for (const layer of layers) {
    const [, h, w] = layer.outputShape as number[];
    const kernel = layer.getWeights()[0]!;
    multiplications += h! * w! * kernel.size;
  }
  const parameters = model.countParams();
  model.dispose();
  return { multiplications, parameters };
}

const reference: ExerciseReference = (...args) => {
  const [inputShape, f, cOut, bottlenecks] = argsSchema.parse(args);
  const direct = pathCost(inputShape, [{ f, filters: cOut }]);
  const paths = bottlenecks.map((cB) =>
    pathCost(inputShape, [
      { f: 1, filters: cB },
      { f, filters: cOut },
    ]),
  );
  return {
    directMultiplications: direct.multiplications,
    directParameters: direct.parameters,
    bottleneckMultiplications: paths.map((p) => p.multiplications),
    bottleneckParameters: paths.map((p) => p.parameters),
  };
};

export default reference;
