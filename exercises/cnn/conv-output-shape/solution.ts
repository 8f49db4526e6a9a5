export type Layer =
  | { kind: "conv"; f: number; s: number; padding: "valid" | "same"; filters: number }
  | { kind: "maxpool" | "avgpool"; f: number; s: number; padding: "valid" | "same" };

/** Side of the output: ⌊(n − f)/s⌋ + 1 without padding; TensorFlow's 'same' pads so that it is ⌈n / s⌉. */
function outputSide(n: number, f: number, s: number, padding: "valid" | "same"): number {
  if (padding === "same") return Math.ceil(n / s);
  return Math.floor((n - f) / s) + 1;
}

/** Walks the stack: each layer's output shape is the next one's input; pooling keeps the channels and has no parameters. */
export function convStackShapes(
  inputShape: number[],
  layers: Layer[],
): { shapes: number[][]; params: number[]; totalParams: number } {
  let [h, w, c] = inputShape as [number, number, number];
  const shapes: number[][] = [];
  const params: number[] = [];
  for (const layer of layers) {
    h = outputSide(h, layer.f, layer.s, layer.padding);
    w = outputSide(w, layer.f, layer.s, layer.padding);
    if (layer.kind === "conv") {
      // f·f·c_in weights per filter plus its bias.
      params.push((layer.f * layer.f * c + 1) * layer.filters);
      c = layer.filters;
    } else {
      params.push(0);
    }
    shapes.push([h, w, c]);
  }
  const totalParams = params.reduce((sum, p) => sum + p, 0);
  return { shapes, params, totalParams };
}
