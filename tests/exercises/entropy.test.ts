import { entropy } from "../../exercises/decision-trees/entropy/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("entropy", entropy);
