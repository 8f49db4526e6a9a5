import { conv2dForward } from "../../exercises/cnn/conv2d-forward/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("conv2d-forward", conv2dForward);
