import { initializeParameters } from "../../exercises/initialization/he-xavier-init/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("he-xavier-init", initializeParameters);
describeCrossCheck("he-xavier-init");
