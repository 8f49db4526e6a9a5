import { mlpForward } from "../../exercises/neural-networks/mlp-forward/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("mlp-forward", mlpForward);
describeCrossCheck("mlp-forward");
