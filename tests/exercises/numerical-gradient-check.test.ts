import { gradientCheck } from "../../exercises/backpropagation/numerical-gradient-check/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("numerical-gradient-check", gradientCheck);
