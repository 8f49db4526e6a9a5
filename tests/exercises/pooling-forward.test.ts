import { poolForward } from "../../exercises/cnn/pooling-forward/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("pooling-forward", poolForward);
