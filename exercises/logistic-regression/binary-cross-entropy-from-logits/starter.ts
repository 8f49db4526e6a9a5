/**
 * Mean binary cross-entropy computed from the logits (the notes' BinaryCrossEntropy(from_logits=True)):
 *   J = 1/m · Σ_i L⁽ⁱ⁾,   L = −y·log σ(z) − (1 − y)·log(1 − σ(z)),   σ(z) = 1 / (1 + e^{−z}).
 * Must stay finite and accurate for logits as large as ±1000.
 *
 * @param z the m logits z⁽ⁱ⁾ = w·x⁽ⁱ⁾ + b (any real numbers)
 * @param y the m labels, 0 or 1
 * @returns the mean loss J (natural logarithm)
 */
export function binaryCrossEntropyFromLogits(z: number[], y: number[]): number {
  // Replace this line with your implementation.
  return 0;
}
