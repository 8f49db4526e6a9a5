import { precisionRecallF1 } from "../../exercises/skewed-datasets/precision-recall-f1/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("precision-recall-f1", precisionRecallF1);
describeCrossCheck("precision-recall-f1");
