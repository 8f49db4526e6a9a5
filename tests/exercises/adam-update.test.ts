import { updateParametersWithAdam } from "../../exercises/optimizers/adam-update/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("adam-update", updateParametersWithAdam);
