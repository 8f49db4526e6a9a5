/**
 * Pads every image of a batch with `pad` zeros on all four sides (top, bottom, left, right), as the first step of
 * a 'same'-style convolution. Images are NHWC, as in TensorFlow.js: X[i][h][w][c] is channel c of pixel (h, w)
 * of image i. Only height and width are padded: the batch and channel axes keep their sizes.
 *
 * @param X image batch, shape [m, n_H, n_W, n_C]
 * @param pad number of zero rows/columns added on each side (an integer ≥ 0)
 * @returns shape [m, n_H + 2·pad, n_W + 2·pad, n_C]; the original pixel (h, w) sits at (h + pad, w + pad)
 */
export function zeroPad(X: number[][][][], pad: number): number[][][][] {
  // Replace this placeholder with your implementation.
  return X.map((image) => image.map((row) => row.map((pixel) => pixel.map(() => 0))));
}
