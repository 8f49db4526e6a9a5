import { lstmCell } from "../../exercises/lstm/lstm-cell/solution";
import { describeCrossCheck } from "./crosscheck-gate";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("lstm-cell", lstmCell);
describeCrossCheck("lstm-cell");
