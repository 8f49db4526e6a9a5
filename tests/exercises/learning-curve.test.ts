import { learningCurve } from "../../exercises/model-evaluation/learning-curve/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("learning-curve", learningCurve);
