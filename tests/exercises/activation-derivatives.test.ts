import { activationDerivatives } from "../../exercises/activation-functions/activation-derivatives/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("activation-derivatives", activationDerivatives);
describeCrossCheck("activation-derivatives");
