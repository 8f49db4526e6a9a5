import { updateParametersWithRMSprop } from "../../exercises/optimizers/rmsprop-update/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("rmsprop-update", updateParametersWithRMSprop);
