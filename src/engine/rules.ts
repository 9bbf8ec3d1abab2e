import type { Citation, Conflict, FactorRule } from './types.js';

/** Placeholder resolved to real passage ids by scripts/resolve-citations. */
function c(doc: string, quote: string): Citation {
  return { passageId: doc, quote };
}

const KNOWLEDGE_USED: FactorRule['unless'] = { knowledgeNeed: ['none'] };

/**
 * The factor rules. Each adds weight toward options when the profile holds `field = value`.
 * Hybrid combines both methods, so it earns most of the weight of knowledge factors (as RAG does) and of
 * adaptation factors (as fine-tuning does), pays for running two systems in the baseline, and shares the
 * feasibility limits of both.
 */
export const FACTOR_RULES: FactorRule[] = [
  {
    id: 'baseline',
    field: 'baseline',
    value: '',
    weights: { prompting: 1, hybrid: -2 },
    because: 'Start from the simplest thing that can work: an off-the-shelf model, with a hybrid paying for two systems.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#client-profile-keyword-extraction', 'Using an off-the-shelf model as-is often works better than extensive fine-tuning or RAG.'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#9-complexity', 'RAG systems, too, can be complex, involving multiple components and the upkeep of databases to ensure seamless operation.'),
    ],
  },
  // knowledgeNeed
  {
    id: 'knowledge-none',
    field: 'knowledgeNeed',
    value: 'none',
    weights: { prompting: 3, rag: -3, hybrid: -3 },
    because: 'General language ability is enough, so retrieval adds little.',
    citations: [c('000-when-to-apply-rag-vs-fine-tuning#client-profile-keyword-extraction', 'General language capabilities provide enough signal.'), c('000-when-to-apply-rag-vs-fine-tuning#client-profile-keyword-extraction', 'RAG’s advantages are minimal for this generalized task.')],
  },
  {
    id: 'knowledge-public',
    field: 'knowledgeNeed',
    value: 'public',
    weights: { rag: 3, hybrid: 2.5, 'fine-tuning': -1, prompting: -2 },
    because: 'The model needs world knowledge it was not trained on, which retrieval supplies.',
    citations: [
      c('001-rag-vs-fine-tuning-which-to-pick#when-to-choose-retrieval-augmented-generation-rag', 'RAG is particularly useful when your problem requires general knowledge creation, as it can extract from various sources and merge information.'),
      c('000-when-to-apply-rag-vs-fine-tuning#rag-advantages-over-fine-tuning-llms', 'Lacks external knowledge: The model only knows what’s in its training data, and lacks real-world knowledge.'),
    ],
  },
  {
    id: 'knowledge-proprietary',
    field: 'knowledgeNeed',
    value: 'proprietary',
    weights: { rag: 3, hybrid: 3, 'fine-tuning': 0.5, prompting: -3 },
    because: 'Answers depend on your own documents or databases, which retrieval brings in at answer time.',
    citations: [
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#external-data-access-requirements', 'One critical factor to weigh when choosing between Fine-tuning and RAG is whether your application needs access to external data sources. If the answer is yes, RAG typically emerges as the superior choice.'),
      c('001-rag-vs-fine-tuning-which-to-pick#when-to-choose-fine-tuning', 'If your target domain rarely changes, or there’s minimal external data to fetch (e.g., proprietary or special-case datasets), fine-tuning would be the simplest solution.'),
    ],
  },
  // knowledgeFreshness (only meaningful when the model needs outside knowledge)
  {
    id: 'freshness-static',
    field: 'knowledgeFreshness',
    value: 'static',
    unless: KNOWLEDGE_USED,
    weights: { 'fine-tuning': 2, rag: -0.5, hybrid: -0.5 },
    because: 'The knowledge barely changes, so a model trained once stays correct.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#fine-tuning-pre-trained-models', 'Static knowledge — The knowledge requirements are relatively fixed, reducing the need for swappable databases.'),
      c('001-rag-vs-fine-tuning-which-to-pick#when-to-choose-fine-tuning', 'If your target domain rarely changes, or there’s minimal external data to fetch (e.g., proprietary or special-case datasets), fine-tuning would be the simplest solution.'),
    ],
  },
  {
    id: 'freshness-yearly',
    field: 'knowledgeFreshness',
    value: 'yearly',
    unless: KNOWLEDGE_USED,
    weights: { 'fine-tuning': 1 },
    because: 'The knowledge changes about once a year, so an occasional retraining keeps a tuned model current.',
    citations: [c('001-rag-vs-fine-tuning-which-to-pick#when-to-choose-fine-tuning', 'Fine-tuning is best when you’re seeking high-quality, task-specific answers that don’t require ongoing updates and revisions.')],
  },
  {
    id: 'freshness-monthly',
    field: 'knowledgeFreshness',
    value: 'monthly',
    unless: KNOWLEDGE_USED,
    weights: { rag: 1.5, hybrid: 1.5, 'fine-tuning': -1.5 },
    because: 'The knowledge changes several times a year; a trained model would need retraining each time.',
    citations: [
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#is-the-data-static-or-dynamic-and-why-does-it-matter', 'Fine-tuning an LLM on a specific dataset results in the model’s knowledge being essentially frozen at the time of training.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'Knowledge flexibility — RAG supports frequently updated knowledge without retraining. Fine-tuning requires periodic retraining.'),
    ],
  },
  {
    id: 'freshness-weekly',
    field: 'knowledgeFreshness',
    value: 'weekly',
    unless: KNOWLEDGE_USED,
    weights: { rag: 2.5, hybrid: 2.5, 'fine-tuning': -2.5 },
    because: 'The knowledge changes weekly; retrieval picks up changes without retraining.',
    citations: [
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-rag', 'Your knowledge base changes frequently (e.g., product catalogs, company policies, recent research papers).'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#is-the-data-static-or-dynamic-and-why-does-it-matter', 'As external knowledge bases or databases evolve, the RAG system seamlessly incorporates these changes, preserving its relevance without the need for frequent model retraining.'),
      c('000-when-to-apply-rag-vs-fine-tuning#rag-advantages-over-fine-tuning-llms', 'Allow changing knowledge sources without retraining the LLM.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'RAG supports frequently updated knowledge without retraining. Fine-tuning requires periodic retraining.'),
    ],
  },
  {
    id: 'freshness-daily',
    field: 'knowledgeFreshness',
    value: 'daily',
    unless: KNOWLEDGE_USED,
    weights: { rag: 3, hybrid: 3, 'fine-tuning': -3 },
    because: 'The knowledge changes daily; only retrieval keeps answers current.',
    citations: [
      c('001-rag-vs-fine-tuning-which-to-pick#when-to-choose-retrieval-augmented-generation-rag', 'If your application needs current information (e.g., news, current affairs, or constantly changing databases), RAG systems are able to access the latest data and give accurate responses.'),
      c('001-rag-vs-fine-tuning-which-to-pick#a-approach-to-knowledge', 'After being trained, its knowledge is locked, and the model cannot acquire new facts unless retrained.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'RAG supports frequently updated knowledge without retraining. Fine-tuning requires periodic retraining.'),
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-rag', 'Your knowledge base changes frequently (e.g., product catalogs, company policies, recent research papers).'),
    ],
  },
  {
    id: 'freshness-realtime',
    field: 'knowledgeFreshness',
    value: 'realtime',
    unless: KNOWLEDGE_USED,
    weights: { rag: 3.5, hybrid: 3.5, 'fine-tuning': -3.5 },
    because: 'The knowledge is live data; it has to be looked up at answer time.',
    citations: [
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-rag-when', 'Dynamic, up-to-date information is required. For example, an AI model can be connected to a traffic congestion database to provide up-to-date information of the traffic situation.'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#is-the-data-static-or-dynamic-and-why-does-it-matter', 'Frequent data updates, alterations, or expansions can quickly render the model outdated.'),
    ],
  },
  // behaviourNeed
  {
    id: 'behaviour-none',
    field: 'behaviourNeed',
    value: 'none',
    weights: { prompting: 0.5, 'fine-tuning': -1, hybrid: -1 },
    because: 'There are no tone or format rules that would call for changing the model itself.',
    citations: [c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-fine-tuning', 'You need the model to follow specific patterns, styles, or formats that are difficult to encode in prompts.')],
  },
  {
    id: 'behaviour-light',
    field: 'behaviourNeed',
    value: 'light',
    weights: { prompting: 0.5 },
    because: 'Light style rules can be described in the prompt.',
    citations: [c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-fine-tuning', 'You need the model to follow specific patterns, styles, or formats that are difficult to encode in prompts.')],
  },
  {
    id: 'behaviour-strict',
    field: 'behaviourNeed',
    value: 'strict',
    weights: { 'fine-tuning': 3, hybrid: 2.5, rag: -1, prompting: -2.5 },
    because: 'Strict tone, voice or format rules that prompting does not hold are what fine-tuning changes; retrieval does not.',
    citations: [
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#need-for-model-behavior-modification-writing-style-or-domain', 'Fine-tuning stands out due to its ability to tailor an LLM’s behavior to address particular nuances, tones, or terminologies.'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#need-for-model-behavior-modification-writing-style-or-domain', 'RAG, while proficient in integrating external knowledge, places its primary emphasis on information retrieval and lacks inherent adaptation of its linguistic style or domain specificity based on retrieved information.'),
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-fine-tuning-when', 'The model should adhere to certain guidelines, for example, reply in a specific language.'),
    ],
  },
  // outputStructure
  {
    id: 'structure-structured',
    field: 'outputStructure',
    value: 'structured',
    weights: { 'fine-tuning': 1.5, hybrid: 1, rag: -0.5, prompting: -0.5 },
    because: 'A fixed template or schema every time is consistent output formatting, which fine-tuning teaches.',
    citations: [
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-fine-tuning-when', 'You want the model to produce consistent output formatting, for example, provide answers in JSON or table format.'),
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#hybrid-approaches', 'Fine-tune for style/format**: Fine-tune the base model to follow specific output formats or styles.'),
    ],
  },
  // domainLanguage
  {
    id: 'domain-specialized',
    field: 'domainLanguage',
    value: 'specialized',
    weights: { 'fine-tuning': 2, hybrid: 1.5, prompting: -1.5 },
    because: 'Heavy jargon is learned best by training on domain text.',
    citations: [
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-fine-tuning-when', 'Specialized domain language, terminology and nuances are used in the interaction with the model.'),
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-fine-tuning', 'The model needs to speak in domain-specific terminology consistently (e.g., medical, legal, technical documentation).'),
    ],
  },
  {
    id: 'domain-general',
    field: 'domainLanguage',
    value: 'general',
    weights: { prompting: 0.5, 'fine-tuning': -0.5, hybrid: -0.5 },
    because: 'Everyday language is what a base model already handles.',
    citations: [c('000-when-to-apply-rag-vs-fine-tuning#client-profile-keyword-extraction', 'No need to memorize domain terminology or patterns.')],
  },
  // accuracyStakes
  {
    id: 'stakes-high',
    field: 'accuracyStakes',
    value: 'high',
    unless: KNOWLEDGE_USED,
    weights: { rag: 1.5, hybrid: 1.5, 'fine-tuning': -0.5, prompting: -1.5 },
    because: 'A confident wrong answer is costly, and grounding answers in retrieved documents reduces hallucination.',
    citations: [
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#suppressing-hallucinations-why-is-it-important', 'Although fine-tuning can partially minimize hallucinations by anchoring the model in domain-specific data, it can still generate inaccurate responses when encountering unfamiliar inputs.'),
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-rag-when', 'When factual accuracy is critical. RAG helps a model provide accurate quotes with source references.'),
    ],
  },
  {
    id: 'stakes-low',
    field: 'accuracyStakes',
    value: 'low',
    weights: { prompting: 1.5, 'fine-tuning': -0.5, hybrid: -1, rag: -0.5 },
    because: 'Mistakes are cheap, so the simplest setup is good enough.',
    citations: [c('000-when-to-apply-rag-vs-fine-tuning#client-profile-keyword-extraction', 'An off-the-shelf LLM serves well here without much tuning needed.')],
  },
  // citations
  {
    id: 'citations-required',
    field: 'citations',
    value: 'required',
    weights: { rag: 3, hybrid: 2, 'fine-tuning': -2, prompting: -2 },
    because: 'Users must see sources, and only retrieval can point to the document an answer came from.',
    citations: [
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-rag', 'Explainability**: You need to show users the sources of information.'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#how-important-is-model-transparency-for-your-llm-application', 'Fine-tuning, while a potent tool, often operates like a mysterious black box, obscuring the rationale behind its responses.'),
    ],
  },
  {
    id: 'citations-nice',
    field: 'citations',
    value: 'nice',
    weights: { rag: 1, hybrid: 1, 'fine-tuning': -0.5 },
    because: 'Showing sources is welcome, which retrieval makes possible.',
    citations: [c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#how-important-is-model-transparency-for-your-llm-application', 'This ability to trace a model’s answer back to specific data sources proves invaluable in applications requiring a high degree of accountability or when the accuracy of generated content needs validation.')],
  },
  // labeledExamples
  {
    id: 'examples-none',
    field: 'labeledExamples',
    value: 'none',
    weights: { rag: 1, prompting: 1, 'fine-tuning': -4, hybrid: -4 },
    because: 'With no labeled examples there is nothing to fine-tune on.',
    citations: [
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#availability-of-labeled-training-data', 'However, in situations where such data is scarce, a RAG system serves as a robust alternative, guaranteeing that the application remains well-informed by data and contextually aware thanks to its retrieval capabilities.'),
      c('000-when-to-apply-rag-vs-fine-tuning#rag-advantages-over-fine-tuning-llms', 'Have lower data requirements since the LLM is not retrained.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'Fine-tuning requires sizable domain-specific datasets. RAG relies more on external knowledge sources.'),
    ],
  },
  {
    id: 'examples-few',
    field: 'labeledExamples',
    value: 'few',
    weights: { rag: 0.5, prompting: 0.5, 'fine-tuning': -2.5, hybrid: -2.5 },
    because: 'Fewer than 100 examples is below what fine-tuning needs and risks overfitting.',
    citations: [
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#how-fine-tuning-works', 'Curate a custom dataset (aim for 100 to a few thousand data samples).'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#availability-of-labeled-training-data', 'In certain instances, a limited dataset could even result in overfitting, where the model excels with the training data but performs poorly when encountering unseen or real-world inputs.'),
    ],
  },
  {
    id: 'examples-hundreds',
    field: 'labeledExamples',
    value: 'hundreds',
    weights: { 'fine-tuning': 1, hybrid: 1 },
    because: 'Hundreds of examples are enough to fine-tune for many tasks.',
    citations: [
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#how-fine-tuning-works', 'Curate a custom dataset (aim for 100 to a few thousand data samples).'),
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#data-requirements', 'Needs labeled training examples (hundreds to thousands depending on task complexity).'),
    ],
  },
  {
    id: 'examples-thousands',
    field: 'labeledExamples',
    value: 'thousands',
    weights: { 'fine-tuning': 2.5, hybrid: 2, prompting: -0.5 },
    because: 'Thousands of labeled examples let fine-tuning learn the task’s patterns well.',
    citations: [
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#availability-of-labeled-training-data', 'Essentially, when abundant labeled data describing the domain’s nuances is available, fine-tuning can provide a more customized and polished model behavior.'),
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#data-requirements', 'Needs labeled training examples (hundreds to thousands depending on task complexity).'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'Fine-tuning requires sizable domain-specific datasets. RAG relies more on external knowledge sources.'),
    ],
  },
  // modelClass
  {
    id: 'model-frontier',
    field: 'modelClass',
    value: 'frontier-api',
    weights: { rag: 2, 'fine-tuning': -1.5 },
    because: 'For large hosted models, retrieval keeps their general abilities, while fine-tuning risks forgetting them and costs much compute.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#large-language-models', 'For massive models like GPT-4 with Trillions of parameters, RAG is generally preferable over fine-tuning:'),
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-rag-when', 'For massive LLM’s, RAG is often the preferred choice due to the compute required by fine- tuning.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'RAG requires access to large pretrained models. Developing smaller custom models in-house is more accessible.'),
    ],
  },
  {
    id: 'model-medium',
    field: 'modelClass',
    value: 'open-medium',
    weights: { 'fine-tuning': 1, hybrid: 0.5 },
    because: 'For mid-size open models both methods are viable, and tuning one is affordable.',
    citations: [c('000-when-to-apply-rag-vs-fine-tuning#medium-language-models', 'For mid-size models like Llama 2 7B, Falcon 7B, Alpaca 7B with hundreds of millions of parameters, both RAG and fine-tuning are viable options:')],
  },
  {
    id: 'model-small',
    field: 'modelClass',
    value: 'small',
    weights: { 'fine-tuning': 3, hybrid: 0.5, rag: -1.5 },
    because: 'Small models lack general ability and are cheap to retrain, so fine-tuning imbues knowledge directly.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#small-language-models', 'For smaller custom models like Zephyr, Phi2 and Orca with thousands to millions of parameters, fine-tuning is often more suitable than RAG:'),
      c('000-when-to-apply-rag-vs-fine-tuning#small-language-models', 'Easy to retrain small models with new data when needed.'),
    ],
  },
  // latency and deployment
  {
    id: 'latency-realtime',
    field: 'latency',
    value: 'realtime',
    weights: { 'fine-tuning': 2.5, rag: -2, hybrid: -2 },
    because: 'A retrieval step adds latency; a self-contained tuned model answers faster.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'Inference speed — RAG retrieval steps add inference latency. Fine-tuned models are self-contained so can be faster.'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#2-latency-and-real-time-requirement', 'RAG systems, involving data retrieval before generating responses, may introduce more latency compared to fine-tuned LLMs, which generate responses based on internal knowledge.'),
    ],
  },
  {
    id: 'deployment-on-device',
    field: 'deployment',
    value: 'on-device',
    weights: { 'fine-tuning': 2.5, rag: -2.5, hybrid: -2 },
    because: 'On a device, a self-contained tuned model works offline; retrieval is harder to ship there.',
    citations: [c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning~3', 'On-device deployment — Fine-tuned models are fully self-contained, allowing low-latency on-device deployment. Incorporating knowledge retrieval makes full RAG deployment on-device more challenging.')],
  },
  // mlCapacity
  {
    id: 'capacity-none',
    field: 'mlCapacity',
    value: 'none',
    weights: { rag: 1.5, prompting: 1, 'fine-tuning': -4, hybrid: -4 },
    because: 'Without GPUs or people who have trained models, fine-tuning is out of reach; retrieval needs neither.',
    citations: [
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-rag', 'No training resources**: You lack the computational resources or expertise for fine-tuning.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning', 'Training infrastructure — RAG primarily means selecting and updating data sources. Fine-tuning needs GPUs for efficient training.'),
    ],
  },
  {
    id: 'capacity-strong',
    field: 'mlCapacity',
    value: 'strong',
    weights: { 'fine-tuning': 1, hybrid: 1 },
    because: 'A team with GPUs and training experience can run and maintain fine-tuning.',
    citations: [c('001-rag-vs-fine-tuning-which-to-pick#conclusion-which-should-you-pick', 'If you need a highly specialized model for a narrow task and have the resources to train it, fine-tuning might be your best option.')],
  },
  // dataRestriction
  {
    id: 'restriction-no-index',
    field: 'dataRestriction',
    value: 'no-search-index',
    weights: { 'fine-tuning': 2.5, rag: -3, hybrid: -1 },
    because: 'Data that may not sit in a searchable store rules out retrieving it, but it can still be trained on.',
    citations: [
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-fine-tuning', 'Proprietary information**: You have sensitive data that can\'t be stored in retrievable formats but can be used for training.'),
      c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#5-ethical-and-privacy-concerns', 'Storing and retrieving data from external databases may raise privacy concerns, particularly if the data is sensitive.'),
    ],
  },
  // personalization
  {
    id: 'personalization-yes',
    field: 'personalization',
    value: 'yes',
    weights: { rag: 3, hybrid: 2.5, 'fine-tuning': -2.5 },
    because: 'Each user’s own data can be retrieved per user; fine-tuning would need a model per user.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning~2', 'Hyper-personalization — RAG facilitates personalization via different knowledge per user without retraining models.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-practical-considerations-for-rag-and-fine-tuning~2', 'Fine-tuning requires training each user’s model from scratch, limiting personalization.'),
    ],
  },
  // task
  {
    id: 'task-qa',
    field: 'task',
    value: 'qa',
    weights: { rag: 0.5 },
    because: 'Question answering over documents is a classic retrieval use case.',
    citations: [c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-rag', 'Question-answering over documents')],
  },
  {
    id: 'task-chat',
    field: 'task',
    value: 'chat',
    weights: { rag: 1, 'fine-tuning': -1 },
    because: 'A conversational assistant must keep its general conversational ability, which fine-tuning can damage.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#key-recommendations', 'For client-facing applications like advisors and chatbots, prioritize retaining conversational capabilities with RAG over fine-tuning.'),
      c('000-when-to-apply-rag-vs-fine-tuning#rag-advantages-over-fine-tuning-llms', 'Fine-tuned models often forget or lose capabilities from pre-training.'),
    ],
  },
  {
    id: 'task-classification',
    field: 'task',
    value: 'classification',
    weights: { 'fine-tuning': 1.5, hybrid: 0.5, prompting: 0.5, rag: -1 },
    because: 'Classification relies on learned patterns rather than looked-up facts.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#anti-money-laundering-text-analysis', 'Fine-tuning a text classification model on AML data makes sense given the specialized focus.'),
      c('000-when-to-apply-rag-vs-fine-tuning#key-recommendations', 'For document and text analysis tasks, specialized fine-tuned models often outperform RAG.'),
    ],
  },
  {
    id: 'task-extraction',
    field: 'task',
    value: 'extraction',
    weights: { prompting: 1, 'fine-tuning': 0.5 },
    because: 'Pulling fields or keywords out of text needs basic language understanding more than outside knowledge.',
    citations: [c('000-when-to-apply-rag-vs-fine-tuning#client-profile-keyword-extraction', 'Extracting relevant keywords like assets, financial goals, risk tolerance from client documents and correspondence requires basic language understanding without much domain knowledge:')],
  },
  {
    id: 'task-analysis',
    field: 'task',
    value: 'analysis',
    weights: { 'fine-tuning': 1.5, hybrid: 0.5 },
    because: 'Specialized fine-tuned models often do better at document and text analysis.',
    citations: [c('000-when-to-apply-rag-vs-fine-tuning#key-recommendations', 'For document and text analysis tasks, specialized fine-tuned models often outperform RAG.')],
  },
  {
    id: 'task-summarization',
    field: 'task',
    value: 'summarization',
    weights: { rag: 0.5 },
    because: 'Summarizing what is known means pulling the right material in first.',
    citations: [c('001-rag-vs-fine-tuning-which-to-pick#retrieval-augmented-generation-rag', 'Example: A RAG system might employ a search engine to retrieve pertinent documents on a subject and subsequently summarize this data to create an extensive response to a user query.')],
  },
  {
    id: 'task-recommendation',
    field: 'task',
    value: 'recommendation',
    weights: { hybrid: 1.5, rag: 0.5 },
    because: 'Recommendations draw on fresh catalogue data and on adapting to tastes, which suits a combination.',
    citations: [c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#use-case-3-content-recommendat-6-transparency-interpretability-requirements', 'For a content recommendation system in a media streaming platform, a combination of RAG and fine-tuning may offer the best results.')],
  },
  // combinations the documents single out
  {
    id: 'memorization-qa-mid-size',
    field: 'task',
    value: 'qa',
    when: { modelClass: ['open-medium', 'small'], knowledgeNeed: ['proprietary'] },
    weights: { 'fine-tuning': 1.5, hybrid: 0.5 },
    because: 'For a mid-size or small model, answering questions over a fixed document set is memorization, which fine-tuning handles.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#medium-language-models', 'Fine-tuning may be preferred for objectives relying heavily on memorization like question answering over documents.'),
      c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-fine-tuning-when', 'Your corpus can rely heavily on memorization. A good example here would be questions/answers on documents.'),
    ],
  },
  {
    id: 'voice-plus-knowledge-chat',
    field: 'behaviourNeed',
    value: 'strict',
    when: { task: ['chat'] },
    weights: { hybrid: 1 },
    because: 'A chatbot that must both know company facts and sound like the company is the combined case the sources describe.',
    citations: [
      c('000-when-to-apply-rag-vs-fine-tuning#customer-service-chatbots', 'A combined approach using RAG for general chitchat and fine-tuning for company knowledge works well.'),
      c('002-rag-vs-fine-tuning-choosing-the-right-approach#hybrid-approaches', 'This approach gives you the consistency of fine-tuning with the flexibility of RAG.'),
    ],
  },
];

/** Points where the documents disagree; shown with both sides when a profile lands on one. */
export const CONFLICTS: Conflict[] = [
  {
    id: 'memorizing-documents',
    topic: 'Fine-tuning to memorize documents for question answering',
    when: { task: ['qa'], knowledgeNeed: ['proprietary'] },
    sides: [
      {
        favors: 'fine-tuning',
        claim: 'Two sources say question answering over a document set is memorization, which fine-tuning suits (for mid-size models).',
        citations: [
          c('000-when-to-apply-rag-vs-fine-tuning#medium-language-models', 'Fine-tuning may be preferred for objectives relying heavily on memorization like question answering over documents.'),
          c('004-when-to-use-fine-tuning-and-when-to-use-rag#use-fine-tuning-when', 'Your corpus can rely heavily on memorization. A good example here would be questions/answers on documents.'),
        ],
      },
      {
        favors: 'rag',
        claim: 'Others list question answering over documents as a retrieval use case, especially with external data.',
        citations: [
          c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-rag', 'Question-answering over documents'),
          c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#external-data-access-requirements', 'One critical factor to weigh when choosing between Fine-tuning and RAG is whether your application needs access to external data sources. If the answer is yes, RAG typically emerges as the superior choice.'),
        ],
      },
    ],
  },
  {
    id: 'support-chatbots',
    topic: 'Customer-support chatbots',
    when: { task: ['chat'], knowledgeNeed: ['proprietary'] },
    sides: [
      {
        favors: 'fine-tuning',
        claim: 'One source says fine-tuning works for customer service chatbots with static company policies, or combined with retrieval.',
        citations: [
          c('000-when-to-apply-rag-vs-fine-tuning#fine-tuning-pre-trained-models', 'For instance, fine-tuning is effective for training customer service chatbots with static company policies and responses.'),
          c('000-when-to-apply-rag-vs-fine-tuning#customer-service-chatbots', 'A combined approach using RAG for general chitchat and fine-tuning for company knowledge works well.'),
        ],
      },
      {
        favors: 'rag',
        claim: 'Others put support chatbots squarely in retrieval’s camp because their data changes and answers must be traceable.',
        citations: [
          c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-rag', 'Customer support chatbots with product documentation'),
          c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#6-transparency-interpretability-required', 'For chatbots used in customer support, a RAG system could be a suitable choice, especially when dealing with dynamic data and the need for transparency.'),
        ],
      },
    ],
  },
  {
    id: 'privacy',
    topic: 'Privacy of sensitive data',
    when: { dataRestriction: ['no-search-index'] },
    sides: [
      {
        favors: 'fine-tuning',
        claim: 'One source says data that cannot sit in a retrievable store can still be used for training.',
        citations: [c('002-rag-vs-fine-tuning-choosing-the-right-approach#when-to-choose-fine-tuning', 'Proprietary information**: You have sensitive data that can\'t be stored in retrievable formats but can be used for training.')],
      },
      {
        favors: 'rag',
        claim: 'Another warns that a tuned model can leak its sensitive training data too, and a third suggests retrieving only the essential portions.',
        citations: [
          c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#5-ethical-and-privacy-concerns', 'Fine-tuned models, while not directly querying live databases, can produce outputs based on potentially sensitive training data.'),
          c('000-when-to-apply-rag-vs-fine-tuning#key-recommendations', 'For client data and documents, retrieve only the essential portions rather than full text to balance relevance and privacy.'),
        ],
      },
    ],
  },
  {
    id: 'cost',
    topic: 'Which costs more',
    when: {},
    contested: ['rag', 'fine-tuning'],
    sides: [
      {
        favors: 'rag',
        claim: 'One source rates fine-tuning as the more expensive option because of training.',
        citations: [c('002-rag-vs-fine-tuning-choosing-the-right-approach#key-differences', '| **Cost** | Higher (training) | Lower (inference) |')],
      },
      {
        favors: 'fine-tuning',
        claim: 'Another notes parameter-efficient tuning cuts training cost while retrieval has substantial set-up and upkeep costs.',
        citations: [c('003-rag-and-fine-tuning-which-tool-boosts-llm-applications#8-cost', 'RAG setup can involve substantial initial investments, including integration and potential licensing fees, with ongoing maintenance costs.')],
      },
    ],
  },
];
