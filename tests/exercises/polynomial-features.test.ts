import { polynomialFeatures } from "../../exercises/polynomial-regression/polynomial-features/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("polynomial-features", polynomialFeatures);
