import { softmaxCrossEntropy } from "../../exercises/softmax/softmax-cross-entropy-from-logits/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("softmax-cross-entropy-from-logits", softmaxCrossEntropy);
describeCrossCheck("softmax-cross-entropy-from-logits");
