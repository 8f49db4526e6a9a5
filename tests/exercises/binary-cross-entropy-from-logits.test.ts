import { binaryCrossEntropyFromLogits } from "../../exercises/logistic-regression/binary-cross-entropy-from-logits/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("binary-cross-entropy-from-logits", binaryCrossEntropyFromLogits);
describeCrossCheck("binary-cross-entropy-from-logits");
