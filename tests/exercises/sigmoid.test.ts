import { sigmoid } from "../../exercises/logistic-regression/sigmoid/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("sigmoid", sigmoid);
