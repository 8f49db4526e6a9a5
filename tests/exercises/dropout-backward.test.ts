import { dropoutBackward } from "../../exercises/dropout/dropout-backward/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("dropout-backward", dropoutBackward);
