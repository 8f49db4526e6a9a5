import { gruCell } from "../../exercises/gru/gru-cell/solution";
import { describeExerciseContent } from "./exercise-harness";

describeExerciseContent({ slug: "gru-cell", solution: gruCell, expectCrossCheck: true });
