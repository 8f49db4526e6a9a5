import { gruCell } from "../../exercises/gru/gru-cell/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("gru-cell", gruCell);
describeCrossCheck("gru-cell");
