/** Misconception "valid-output-size": counts only the n − f + 1 positions of a 'valid' convolution. */
function convCost(nH: number, nW: number, f: number, cIn: number, cOut: number): { multiplications: number; parameters: number } {
  return { multiplications: (nH - f + 1) * (nW - f + 1) * cOut * f * f * cIn, parameters: (f * f * cIn + 1) * cOut };
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
    const squeeze = convCost(nH, nW, 1, nC, cB);
    const expand = convCost(nH, nW, f, cB, cOut);
    return { multiplications: squeeze.multiplications + expand.multiplications, parameters: squeeze.parameters + expand.parameters };
  });
  return {
    directMultiplications: direct.multiplications,
    directParameters: direct.parameters,
    bottleneckMultiplications: paths.map((p) => p.multiplications),
    bottleneckParameters: paths.map((p) => p.parameters),
  };
}
