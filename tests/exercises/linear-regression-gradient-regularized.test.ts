import { computeGradientRegularized } from "../../exercises/regularization/linear-regression-gradient-regularized/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("linear-regression-gradient-regularized", computeGradientRegularized);
