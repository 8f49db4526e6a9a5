import { lLayerBackprop } from "../../exercises/backpropagation/l-layer-backprop/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("l-layer-backprop", lLayerBackprop);
