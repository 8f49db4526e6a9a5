import { computeGradient } from "../../exercises/linear-regression/linear-regression-gradient/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("linear-regression-gradient", computeGradient);
