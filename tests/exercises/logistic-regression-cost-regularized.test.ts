import { computeCostLogisticReg } from "../../exercises/logistic-regression/logistic-regression-cost-regularized/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("logistic-regression-cost-regularized", computeCostLogisticReg);
