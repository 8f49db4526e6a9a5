/**
 * The topic map: every section of the study notes (shared/seed/ml-notes.zh.md) as a topic, in the notes'
 * order, with its prerequisites. Exercises and flashcards are tagged with these ids; the scheduler uses the
 * prerequisites to introduce new items in a sensible order, and the exercise browser groups by them.
 */
export interface Topic {
  id: string;
  name: { zh: string; en: string };
  /** The heading (or phrase) of the notes' section this topic traces to, verbatim from the notes. */
  notesSection: string;
  prerequisites: readonly string[];
}

export const topics = [
  { id: "linear-regression", name: { zh: "线性回归与代价函数", en: "Linear regression and the cost function" }, notesSection: "举例:线性回归模型", prerequisites: [] },
  { id: "gradient-descent", name: { zh: "梯度下降", en: "Gradient descent" }, notesSection: "1. 模型收敛——代价函数极小:梯度下降算法(Gradient descent algorithm)", prerequisites: ["linear-regression"] },
  { id: "vectorization", name: { zh: "多维特征与向量化", en: "Multiple features and vectorisation" }, notesSection: "2. 从一元线性模型到多维特征——向量化", prerequisites: ["gradient-descent"] },
  { id: "feature-scaling", name: { zh: "特征缩放与学习率", en: "Feature scaling and the learning rate" }, notesSection: "多元线性回归问题中的参数", prerequisites: ["vectorization"] },
  { id: "polynomial-regression", name: { zh: "多项式回归与特征工程", en: "Polynomial regression and feature engineering" }, notesSection: "3. 从线性到非线性——Polynomial Regression", prerequisites: ["vectorization"] },
  { id: "logistic-regression", name: { zh: "逻辑回归", en: "Logistic regression" }, notesSection: "4. 分类问题", prerequisites: ["vectorization"] },
  { id: "regularization", name: { zh: "过拟合与正则化", en: "Overfitting and regularisation" }, notesSection: "OVER-FITTING & UNDER-FITTING!!!", prerequisites: ["logistic-regression"] },
  { id: "neural-networks", name: { zh: "神经网络与前向传播", en: "Neural networks and forward propagation" }, notesSection: "深度学习神经网络", prerequisites: ["logistic-regression"] },
  { id: "activation-functions", name: { zh: "激活函数", en: "Activation functions" }, notesSection: "其他的激活函数", prerequisites: ["neural-networks"] },
  { id: "softmax", name: { zh: "多分类与 softmax 回归", en: "Multiclass classification and softmax regression" }, notesSection: "多分类问题", prerequisites: ["logistic-regression", "neural-networks"] },
  { id: "backpropagation", name: { zh: "反向传播", en: "Backpropagation" }, notesSection: "反向传播算法(Back Propagation)", prerequisites: ["neural-networks", "activation-functions", "gradient-descent"] },
  { id: "model-evaluation", name: { zh: "模型评估、偏差与方差", en: "Model evaluation, bias and variance" }, notesSection: "Debug自己的机器学习项目", prerequisites: ["regularization"] },
  { id: "ml-practice", name: { zh: "误差分析、数据增强与迁移学习", en: "Error analysis, data augmentation and transfer learning" }, notesSection: "误差分析:", prerequisites: ["model-evaluation"] },
  { id: "skewed-datasets", name: { zh: "倾斜数据集：精确率、召回率与 F1", en: "Skewed datasets: precision, recall and F1" }, notesSection: "处理倾斜数据集(skewed dataset)", prerequisites: ["model-evaluation"] },
  { id: "decision-trees", name: { zh: "决策树与熵", en: "Decision trees and entropy" }, notesSection: "决策树的特征选取原则是“Maximize Purity”", prerequisites: ["logistic-regression"] },
  { id: "initialization", name: { zh: "随机初始化与梯度消失", en: "Random initialisation and vanishing gradients" }, notesSection: "深度神经网络的随机初始化", prerequisites: ["backpropagation"] },
  { id: "dropout", name: { zh: "Dropout 正则化", en: "Dropout regularisation" }, notesSection: "Dropout用于防止模型过拟合", prerequisites: ["regularization", "neural-networks"] },
  { id: "optimizers", name: { zh: "优化算法：小批量、动量、RMSprop 与 Adam", en: "Optimisers: mini-batch, momentum, RMSprop and Adam" }, notesSection: "Optimization Algs.", prerequisites: ["gradient-descent", "backpropagation"] },
  { id: "hyperparameter-tuning", name: { zh: "超参数调试", en: "Hyperparameter tuning" }, notesSection: "如何调参更有效", prerequisites: ["optimizers"] },
  { id: "batch-normalization", name: { zh: "批量归一化", en: "Batch normalisation" }, notesSection: "Batch Normalization", prerequisites: ["feature-scaling", "neural-networks"] },
  { id: "cnn", name: { zh: "卷积神经网络", en: "Convolutional neural networks" }, notesSection: "Convolutional Nerual Networks", prerequisites: ["neural-networks"] },
  { id: "classic-cnns", name: { zh: "经典网络、ResNet、1×1 卷积与 Inception", en: "Classic networks, ResNet, 1×1 convolutions and Inception" }, notesSection: "几个经典网络", prerequisites: ["cnn"] },
  { id: "object-detection", name: { zh: "目标检测：IoU、非极大值抑制与 YOLO", en: "Object detection: IoU, non-max suppression and YOLO" }, notesSection: "Object Detecting", prerequisites: ["cnn"] },
  { id: "face-recognition", name: { zh: "人脸识别与三元组损失", en: "Face recognition and the triplet loss" }, notesSection: "Face Recognition", prerequisites: ["cnn"] },
  { id: "neural-style-transfer", name: { zh: "神经风格迁移", en: "Neural style transfer" }, notesSection: "神经风格迁移", prerequisites: ["cnn"] },
  { id: "rnn", name: { zh: "循环神经网络", en: "Recurrent neural networks" }, notesSection: "Recurrent Neural Network", prerequisites: ["neural-networks", "backpropagation"] },
  { id: "gru", name: { zh: "门控循环单元 GRU", en: "Gated recurrent unit (GRU)" }, notesSection: "Gate Recurrent Unit for RNN (门控循环单元)", prerequisites: ["rnn"] },
  { id: "lstm", name: { zh: "长短期记忆 LSTM", en: "Long short-term memory (LSTM)" }, notesSection: "LSTM中,不存在GRU里的c<t>=a<t>", prerequisites: ["gru"] },
  { id: "bidirectional-deep-rnn", name: { zh: "双向与深层 RNN", en: "Bidirectional and deep RNNs" }, notesSection: "Bidirectional RNN", prerequisites: ["rnn"] },
  { id: "attention", name: { zh: "注意力模型", en: "The attention model" }, notesSection: "Attention Model", prerequisites: ["bidirectional-deep-rnn", "softmax"] },
] as const satisfies readonly Topic[];

export type TopicId = (typeof topics)[number]["id"];

export const topicIds: readonly TopicId[] = topics.map((t) => t.id);

const byId = new Map<string, Topic>(topics.map((t) => [t.id, t]));

export function isTopicId(id: string): id is TopicId {
  return byId.has(id);
}

export function getTopic(id: TopicId): Topic {
  return byId.get(id)!;
}

/** Topics in an order where every topic comes after its prerequisites (stable: ties keep the notes' order). */
export function topicsInPrerequisiteOrder(): Topic[] {
  const placed = new Set<string>();
  const ordered: Topic[] = [];
  while (ordered.length < topics.length) {
    const next = topics.find((t) => !placed.has(t.id) && t.prerequisites.every((p) => placed.has(p)));
    if (!next) throw new Error("topic map has a prerequisite cycle");
    placed.add(next.id);
    ordered.push(next);
  }
  return ordered;
}
