import { scaleFeatures } from "../../exercises/feature-scaling/feature-scaling/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("feature-scaling", scaleFeatures);
