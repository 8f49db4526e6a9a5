import { regularizationPenalties } from "../../exercises/regularization/l1-l2-penalty/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("l1-l2-penalty", regularizationPenalties);
