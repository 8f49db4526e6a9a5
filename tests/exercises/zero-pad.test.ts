import { zeroPad } from "../../exercises/cnn/zero-pad/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("zero-pad", zeroPad);
