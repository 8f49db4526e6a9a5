import { denseForward } from "../../exercises/neural-networks/dense-layer-forward/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("dense-layer-forward", denseForward);
