import { opt } from "./option";
import type { CardKindSpec, FieldSpec, OptionSpec } from "./types";

const venues: readonly OptionSpec[] = [
  opt("arxiv", "A preprint on arXiv, not (yet) peer reviewed.", "`arxiv`", ["Arxiv"]),
  opt("NeurIPS", "Conference on Neural Information Processing Systems."),
  opt("ICML", "International Conference on Machine Learning."),
  opt("ICLR", "International Conference on Learning Representations."),
  opt("ACL", "Annual Meeting of the Association for Computational Linguistics."),
  opt("EMNLP", "Conference on Empirical Methods in Natural Language Processing."),
  opt("NAACL", "North American Chapter of the ACL."),
  opt("IJCAI", "International Joint Conference on Artificial Intelligence."),
  opt("ICSE", "International Conference on Software Engineering."),
  opt("Science", "The journal Science."),
  opt("huggingface", "Released on the Hugging Face Hub without a paper."),
  opt("github", "Released on GitHub without a paper.", undefined, ["Github", "GitHub"]),
  opt("blog", "Announced in a blog post."),
  opt("other", "Any other venue."),
];

const hyperparameters: readonly FieldSpec[] = [
  {
    id: "hyperparameters.optimizer", label: "optimizer", required: true,
    value: { kind: "text", suggestions: [opt("Adam", "Adam (Kingma & Ba, 2015)."), opt("AdamW", "Adam with decoupled weight decay."), opt("Adafactor", "Adafactor, memory-efficient adaptive optimizer.")] },
    children: { kind: "fields", fields: [
      {
        id: "hyperparameters.optimizer.betas", label: "betas", required: true, value: { kind: "number" },
        help: { description: "Adam's β1 and β2 coefficients.", format: "Two numbers separated by a comma; `/` if not reported.", example: "* betas: 0.9, 0.95" },
      },
      {
        id: "hyperparameters.optimizer.eps", label: "eps", required: true, value: { kind: "number" },
        help: { description: "Adam's ε, added to the denominator for numerical stability.", format: "A number; `/` if not reported.", example: "* eps: 1e-8" },
      },
    ] },
    help: { description: "The optimizer used for pre-training; its betas and eps go in the two items under it.", format: "Optimizer name, free text, or `/` if not reported.", example: "+ optimizer: AdamW" },
  },
  {
    id: "hyperparameters.batchSize", label: "batch size", required: true, value: { kind: "number" },
    help: { description: "The global batch size, in sequences or tokens (say which).", format: "A number in backticks, with K/M suffixes allowed; `/` if not reported.", example: "+ batch size: `2M` tokens" },
  },
  {
    id: "hyperparameters.contextWindow", label: "context window", required: true, value: { kind: "number" },
    help: { description: "The maximum sequence length the model is trained on, in tokens.", format: "A number in backticks; `/` if not reported.", example: "+ context window: `2,048`" },
  },
  {
    id: "hyperparameters.gradientAccumulationSteps", label: "gradient accumulation steps", required: true, value: { kind: "number" },
    help: { description: "How many micro-batches are accumulated before each optimizer step.", format: "A number in backticks; `/` if not reported.", example: "+ gradient accumulation steps: `16`" },
  },
  {
    id: "hyperparameters.warmupSteps", label: "warmup steps", required: true, value: { kind: "number" },
    help: { description: "The number of steps over which the learning rate ramps up from zero.", format: "A number in backticks; `/` if not reported.", example: "+ warmup steps: `1,000`" },
  },
  {
    id: "hyperparameters.learningRate", label: "learning rate", required: true, value: { kind: "number" },
    help: { description: "The peak learning rate of the schedule.", format: "A number in backticks, scientific notation welcome; `/` if not reported.", example: "+ learning rate: `1e-4`" },
  },
  {
    id: "hyperparameters.weightDecay", label: "weight decay", required: true, value: { kind: "number" },
    help: { description: "The weight decay (L2 penalty) coefficient.", format: "A number in backticks; `/` if not reported.", example: "+ weight decay: `0.1`" },
  },
  {
    id: "hyperparameters.decaySchedule", label: "decay schedule", required: true,
    children: {
      kind: "choice", selection: "single", options: [
        opt("Cosine", "The learning rate follows a cosine curve from its peak down to a minimum."),
        opt("Linear", "The learning rate decreases linearly to its minimum."),
        opt("Polynomial", "The learning rate decreases as a polynomial of the remaining steps."),
        opt("Inverse Square", "The learning rate decays with the inverse square root of the step number."),
      ],
    },
    help: { description: "How the learning rate decays after warm-up. Check exactly one.", format: "One `[x]` among `[ ]` items.", example: "* [x] Cosine" },
  },
  {
    id: "hyperparameters.precision", label: "precision floating point", required: true,
    value: {
      kind: "enum", options: [
        opt("fp16", "16-bit IEEE half precision (often mixed with fp32 master weights).", "`fp16`"),
        opt("bf16", "16-bit bfloat: fp32's exponent range with a shorter mantissa.", "`bf16`"),
        opt("fp32", "32-bit single precision.", "`fp32`"),
        opt("tf32", "NVIDIA TensorFloat-32 matrix maths with fp32 storage.", "`tf32`"),
        opt("fp8", "8-bit floating point (E4M3/E5M2).", "`fp8`"),
      ],
    },
    help: { description: "The floating-point format used for training.", format: "One or more of fp16, bf16, fp32, tf32, fp8 in backticks; `/` if not reported.", example: "+ precision floating point: `bf16`" },
  },
];

export const modelCard: CardKindSpec = {
  tag: "models",
  name: "model card",
  snippet: { prefix: "model-card", description: "A whole model card: front matter and every field" },
  columns: ["public", "architecture", "modelSize", "tokenizer.technology", "hyperparameters.precision", "training.tokens", "training.hardware"],
  fields: [
    {
      id: "paper", label: "Paper", emoji: "📙", required: true, value: { kind: "link" },
      help: { description: "The paper (or report) that introduces the model.", format: "A markdown link `[Title](https://…)`.", example: "- 📙Paper: [Evaluating Large Language Models Trained on Code](https://arxiv.org/pdf/2107.03374.pdf)" },
    },
    {
      id: "publisher", label: "Publisher", emoji: "📚", required: true, value: { kind: "text", suggestions: venues },
      help: { description: "Where the paper was published: a venue, `arxiv`, or `other`.", format: "The venue in backticks.", example: "- 📚Publisher: `arxiv`" },
    },
    {
      id: "affiliation", label: "Author Affiliation", emoji: "🏠", required: true, value: { kind: "text" },
      help: { description: "The organisations the authors belong to.", format: "Names in backticks, separated by `;`.", example: "- 🏠Author Affiliation: `OpenAI`" },
    },
    {
      id: "public", label: "Public", emoji: "🔑", required: true, value: { kind: "boolean", note: true },
      help: { description: "Whether the model weights are publicly released.", format: "✅ or ❌, optionally followed by a note in parentheses.", example: "- 🔑Public: ✅ (Promise)" },
    },
    {
      id: "architecture", label: "Architecture", emoji: "🌐", required: true,
      children: {
        kind: "choice", selection: "single", options: [
          opt("Encoder-Decoder", "An encoder reads the input and a separate decoder generates the output (T5, PLBART, CodeT5)."),
          opt("Decoder-Only", "A single autoregressive decoder generates left to right (GPT, Codex, LLaMA)."),
        ],
      },
      help: { description: "The transformer architecture of the model. Check exactly one.", format: "One `[x]` among `[ ]` items.", example: "+ [x] Decoder-Only" },
    },
    {
      id: "modelSize", label: "Model Size", emoji: "📏", required: true, children: { kind: "items", item: "sizes" },
      help: { description: "The parameter counts of the released or trained model variants.", format: "Sizes in backticks with a K/M/B/T suffix, separated by `;`.", example: "+ `350M`; `2.7B`; `6.1B`" },
    },
    {
      id: "dataPreprocessing", label: "Data pre-processing", emoji: "🗂️", required: true,
      children: {
        kind: "fields", fields: [
          {
            id: "dataPreprocessing.dataResource", label: "Data Resource", required: true, children: { kind: "items", item: "text" },
            help: { description: "Where the training data comes from, one source per item.", format: "Free text items.", example: "* 179 GB of unique Python files from GitHub" },
          },
          {
            id: "dataPreprocessing.deduplication", label: "De-duplication", required: true, value: { kind: "boolean", note: true },
            help: { description: "Whether the training data was de-duplicated.", format: "✅ or ❌, optionally followed by a note.", example: "+ De-duplication: ✅" },
          },
          {
            id: "dataPreprocessing.filterStrategies", label: "Filter Strategies", required: true, children: { kind: "items", item: "text" },
            help: { description: "The filters applied to the raw data, one per item.", format: "Free text items.", example: "* maximum line length greater than 1000" },
          },
        ],
      },
      help: { description: "How the training data was collected and cleaned.", format: "A section with Data Resource, De-duplication and Filter Strategies." },
    },
    {
      id: "tokenizer", label: "Tokenizer", emoji: "🍉", required: true,
      children: {
        kind: "fields", fields: [
          {
            id: "tokenizer.technology", label: "Technology", required: true,
            children: {
              kind: "choice", selection: "single", options: [
                opt("Byte-level Byte-Pair-Encoding (BBPE)", "Byte-pair encoding over raw bytes, so any text is representable (GPT-2, Codex)."),
                opt("SentencePiece", "Google's SentencePiece: BPE or unigram over raw text with whitespace as a symbol (T5, LLaMA)."),
              ],
            },
            help: { description: "The tokenization algorithm. Check exactly one.", format: "One `[x]` among `[ ]` items.", example: "* [x] SentencePiece" },
          },
          {
            id: "tokenizer.details", label: "Details", required: true, children: { kind: "items", item: "text" },
            help: { description: "Vocabulary size, added tokens, and anything special about the tokenizer.", format: "Free text items.", example: "* GPT-2 tokenizer with added whitespace tokens" },
          },
        ],
      },
      help: { description: "The tokenizer of the model.", format: "A section with Technology and Details." },
    },
    {
      id: "hyperparameters", label: "Hyperparameters", emoji: "🧪", required: true,
      labelSuffix: { placeholder: "(Model 1B)", help: "the model name and size the hyperparameters are for, in parentheses" },
      children: { kind: "fields", fields: hyperparameters },
      help: { description: "The pre-training hyperparameters of one model variant, named after the label.", format: "`🧪Hyperparameters (Name Size)` with one item per hyperparameter.", example: "- 🧪Hyperparameters (Codex 12B)" },
    },
    {
      id: "training", label: "Training", emoji: "🏃‍♀️", required: true,
      children: {
        kind: "fields", fields: [
          {
            id: "training.initialization", label: "model initialization", required: true, value: { kind: "text" },
            help: { description: "The checkpoint the model starts from, or `from scratch`.", format: "A model name in backticks, or `from scratch`.", example: "+ model initialization: `GPT3`" },
          },
          {
            id: "training.strategies", label: "training strategies", required: true,
            children: {
              kind: "choice", selection: "multiple", options: [
                opt("left-to-right", "Standard causal language modelling: predict the next token."),
                opt("fill-in-the-middle", "Train to infill a masked middle span given prefix and suffix (FIM)."),
              ],
            },
            help: { description: "The training objectives used. Check all that apply.", format: "`[x]` on each objective used.", example: "* [x] left-to-right" },
          },
          {
            id: "training.tokens", label: "trained tokens/steps", required: true, value: { kind: "text" },
            help: { description: "How much the model was trained: tokens seen or optimizer steps.", format: "Free text with units.", example: "+ trained tokens/steps: 100B tokens" },
          },
          {
            id: "training.hardware", label: "hardware", required: true, value: { kind: "text" },
            help: { description: "The accelerators used for training.", format: "Count and type of devices.", example: "+ hardware: 256 A100 GPUs" },
          },
          {
            id: "training.time", label: "training time", required: true, value: { kind: "text" },
            help: { description: "The wall-clock time of training.", format: "A duration.", example: "+ training time: 21 days" },
          },
        ],
      },
      help: { description: "How the model was trained.", format: "A section with initialization, strategies, tokens, hardware and time." },
    },
  ],
};

