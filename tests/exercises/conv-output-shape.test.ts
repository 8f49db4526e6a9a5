import { convStackShapes } from "../../exercises/cnn/conv-output-shape/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("conv-output-shape", convStackShapes);
