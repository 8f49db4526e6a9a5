import { batchNormBackward } from "../../exercises/batch-normalization/batch-norm-backward/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("batch-norm-backward", batchNormBackward);
