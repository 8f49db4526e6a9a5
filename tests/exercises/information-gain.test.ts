import { informationGain } from "../../exercises/decision-trees/information-gain/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("information-gain", informationGain);
