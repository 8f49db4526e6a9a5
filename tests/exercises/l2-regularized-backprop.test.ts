import { l2RegularizedBackprop } from "../../exercises/regularization/l2-regularized-backprop/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("l2-regularized-backprop", l2RegularizedBackprop);
describeCrossCheck("l2-regularized-backprop");
