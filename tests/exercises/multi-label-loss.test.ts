import { multiLabelLoss } from "../../exercises/softmax/multi-label-loss/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("multi-label-loss", multiLabelLoss);
describeCrossCheck("multi-label-loss");
