import { attentionWeights } from "../../exercises/attention/attention-weights/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("attention-weights", attentionWeights);
