import { learningRateDecay } from "../../exercises/optimizers/learning-rate-decay/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("learning-rate-decay", learningRateDecay);
