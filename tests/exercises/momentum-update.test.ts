import { updateParametersWithMomentum } from "../../exercises/optimizers/momentum-update/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("momentum-update", updateParametersWithMomentum);
