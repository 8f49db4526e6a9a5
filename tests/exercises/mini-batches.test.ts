import { randomMiniBatches } from "../../exercises/optimizers/mini-batches/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("mini-batches", randomMiniBatches);
