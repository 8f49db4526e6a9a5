import { iou } from "../../exercises/object-detection/iou/solution";
import { describeExerciseGates } from "./exercise-gates";

describeExerciseGates("iou", iou);
