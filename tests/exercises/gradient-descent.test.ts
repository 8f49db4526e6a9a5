import { gradientDescent } from "../../exercises/gradient-descent/gradient-descent/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("gradient-descent", gradientDescent);
