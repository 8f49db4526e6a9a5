import { computeCost } from "../../exercises/linear-regression/linear-regression-cost/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("linear-regression-cost", computeCost);
