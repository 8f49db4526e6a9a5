/**
 * TensorFlow.js for references, on the pure-JS cpu backend so every platform computes the same numbers.
 * References return plain numbers and nested arrays; learners never see tensors.
 */
import * as tf from "@tensorflow/tfjs";

// tfjs prints a banner suggesting tfjs-node on first use in Node; the cpu backend is deliberate here.
const log = console.log;
const warn = console.warn;
console.log = console.warn = () => {};
try {
  // The cpu backend initialises synchronously, so ops right after this line already run on it.
  void tf.setBackend("cpu");
  tf.tensor(0).dispose();
} finally {
  console.log = log;
  console.warn = warn;
}

export { tf };
