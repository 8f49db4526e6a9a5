/**
 * The oracle: a tf.sequential model built from the layers (tf.layers.conv2d, maxPooling2d, averagePooling2d with
 * the same kernel, strides and padding, channels last), whose layers report their own output shapes and
 * parameter counts (countParams: kernel [f, f, c_in, c_out] plus bias). Nothing here restates the size formula.
 */
import { z } from "zod";
import { tf } from "../../lib/tf";
import type { ExerciseReference } from "../../schema";

const positive = z.number().int().positive();
const padding = z.enum(["valid", "same"]);
export const layerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("conv"), f: positive, s: positive, padding, filters: positive }),
  z.object({ kind: z.enum(["maxpool", "avgpool"]), f: positive, s: positive, padding }),
]);
export type LayerSpec = z.infer<typeof layerSchema>;
export const argsSchema = z.tuple([z.tuple([positive, positive, positive]), z.array(layerSchema).min(1)]);

export function kerasLayer(layer: LayerSpec): tf.layers.Layer {
  const common = { strides: layer.s, padding: layer.padding, dataFormat: "channelsLast" as const };
  if (layer.kind === "conv") return tf.layers.conv2d({ ...common, kernelSize: layer.f, filters: layer.filters, useBias: true });
  const pool = { ...common, poolSize: layer.f };
  return layer.kind === "maxpool" ? tf.layers.maxPooling2d(pool) : tf.layers.averagePooling2d(pool);
}

const reference: ExerciseReference = (...args) => {
  const [inputShape, layers] = argsSchema.parse(args);
  const model = tf.sequential();
  model.add(tf.layers.inputLayer({ inputShape }));
  const built = layers.map((layer) => {
    const keras = kerasLayer(layer);
    model.add(keras);
    return keras;
  });
  const shapes = built.map((layer) => (layer.outputShape as (number | null)[]).slice(1).map((d) => d as number));
  const params = built.map((layer) => layer.countParams());
  const totalParams = model.countParams();
  model.dispose();
  return { shapes, params, totalParams };
};

export default reference;
