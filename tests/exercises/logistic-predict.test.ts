import { predictLogistic } from "../../exercises/logistic-regression/logistic-predict/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("logistic-predict", predictLogistic);
