import { normalEquation } from "../../exercises/linear-regression/normal-equation/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("normal-equation", normalEquation);
