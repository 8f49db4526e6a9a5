/** Misconception "forgot-one-by-one-cost": the bottleneck path counts only its f×f convolution, as if the 1×1 layer were free. */
function convCost(nH: number, nW: number, f: number, cIn: number, cOut: number): { multiplications: number; parameters: number } {
  return { multiplications: nH * nW * cOut * f * f * cIn, parameters: (f * f * cIn + 1) * cOut };
}

export function bottleneckCost(
  inputShape: number[],
  f: number,
  cOut: number,
  bottlenecks: number[],
): { directMultiplications: number; directParameters: number; bottleneckMultiplications: number[]; bottleneckParameters: number[] } {
  const [nH, nW, nC] = inputShape as [number, number, number];
  const direct = convCost(nH, nW, f, nC, cOut);
  const paths = bottlenecks.map((cB) => {
    const expand = convCost(nH, nW, f, cB, cOut);
    return { multiplications: expand.multiplications, parameters: expand.parameters };
  });
  return {
    directMultiplications: direct.multiplications,
    directParameters: direct.parameters,
    bottleneckMultiplications: paths.map((p) => p.multiplications),
    bottleneckParameters: paths.map((p) => p.parameters),
  };
}
