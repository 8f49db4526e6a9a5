/**
 * The learning curve of (regularised) linear regression f(x) = w·x + b. For each training-set size k in
 * `sizes`: fit w, b in closed form on the FIRST k training examples, minimising
 *   1/(2k)·Σ_{i<k} (w·x⁽ⁱ⁾ + b − y⁽ⁱ⁾)² + λ/(2k)·Σ_j w_j²   (b is not regularised),
 * then measure, without the penalty,
 *   J_train(k) = 1/(2k)·Σ_{i<k} (f(x⁽ⁱ⁾) − y⁽ⁱ⁾)²   and   J_cv(k) = 1/(2m_cv)·Σ_i (f(x_cv⁽ⁱ⁾) − y_cv⁽ⁱ⁾)².
 *
 * @param X_train m_train×n training features, row-major (row i is x⁽ⁱ⁾)
 * @param y_train the m_train training targets
 * @param X_cv    m_cv×n cross-validation features
 * @param y_cv    the m_cv cross-validation targets
 * @param lambda  the regularisation strength λ ≥ 0 (with λ = 0 every k is at least n + 1)
 * @param sizes   the training-set sizes k, increasing, each between 1 and m_train
 * @returns J_train and J_cv, one entry per size, in the order of `sizes`
 */
export function learningCurve(
  X_train: number[][],
  y_train: number[],
  X_cv: number[][],
  y_cv: number[],
  lambda: number,
  sizes: number[],
): { J_train: number[]; J_cv: number[] } {
  // Replace these placeholders with your implementation.
  return { J_train: sizes.map(() => 0), J_cv: sizes.map(() => 0) };
}
