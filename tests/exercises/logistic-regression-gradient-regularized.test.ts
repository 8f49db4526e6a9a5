import { computeGradientLogisticReg } from "../../exercises/regularization/logistic-regression-gradient-regularized/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("logistic-regression-gradient-regularized", computeGradientLogisticReg);
