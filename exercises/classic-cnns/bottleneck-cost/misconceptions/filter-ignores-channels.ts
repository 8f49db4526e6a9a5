/** Misconception "filter-ignores-channels": each filter is f×f, so an output value costs f·f multiplications, not f·f·c_in. */
function convCost(nH: number, nW: number, f: number, cOut: number): { multiplications: number; parameters: number } {
  return { multiplications: nH * nW * cOut * f * f, parameters: (f * f + 1) * cOut };
}

export function bottleneckCost(
  inputShape: number[],
  f: number,
  cOut: number,
  bottlenecks: number[],
): { directMultiplications: number; directParameters: number; bottleneckMultiplications: number[]; bottleneckParameters: number[] } {
  const [nH, nW, nC] = inputShape as [number, number, number];
  const direct = convCost(nH, nW, f, cOut);
  const paths = bottlenecks.map((cB) => {
    const squeeze = convCost(nH, nW, 1, cB);
    const expand = convCost(nH, nW, f, cOut);
    return { multiplications: squeeze.multiplications + expand.multiplications, parameters: squeeze.parameters + expand.parameters };
  });
  return {
    directMultiplications: direct.multiplications,
    directParameters: direct.parameters,
    bottleneckMultiplications: paths.map((p) => p.multiplications),
    bottleneckParameters: paths.map((p) => p.parameters),
  };
}
