import { batchNormInference } from "../../exercises/batch-normalization/batch-norm-inference/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("batch-norm-inference", batchNormInference);
