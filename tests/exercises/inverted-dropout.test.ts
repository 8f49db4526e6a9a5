import { dropoutForward } from "../../exercises/dropout/inverted-dropout/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("inverted-dropout", dropoutForward);
describeCrossCheck("inverted-dropout");
