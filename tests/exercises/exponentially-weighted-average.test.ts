import { exponentiallyWeightedAverage } from "../../exercises/optimizers/exponentially-weighted-average/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("exponentially-weighted-average", exponentiallyWeightedAverage);
