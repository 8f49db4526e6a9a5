import { softmax } from "../../exercises/softmax/softmax/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("softmax", softmax);
describeCrossCheck("softmax");
