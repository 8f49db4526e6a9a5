import { mlpBackprop } from "../../exercises/backpropagation/mlp-backprop/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("mlp-backprop", mlpBackprop);
