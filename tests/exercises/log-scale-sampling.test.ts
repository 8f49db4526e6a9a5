import { sampleHyperparameters } from "../../exercises/hyperparameter-tuning/log-scale-sampling/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("log-scale-sampling", sampleHyperparameters);
