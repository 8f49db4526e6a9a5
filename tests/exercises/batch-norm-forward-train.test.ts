import { batchNormForward } from "../../exercises/batch-normalization/batch-norm-forward-train/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("batch-norm-forward-train", batchNormForward);
