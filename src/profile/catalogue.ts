import { FIELD_VALUES, type ProfileField } from './schema.js';

export interface Choice {
  value: string;
  label: string;
}

export interface FieldQuestion {
  field: ProfileField;
  /** Short name shown in the profile view ("Knowledge freshness"). */
  name: string;
  /** The follow-up question as the bot asks it. */
  text: string;
  choices: Choice[];
  /**
   * How common each answer is among projects, used to weigh how likely an open question is to change
   * the recommendation. Values not listed weigh 1.
   */
  prior: Partial<Record<string, number>>;
  /** How a bare "yes" or "no" answers this question, where it can. */
  yesNo?: { yes?: string; no?: string };
  /**
   * Short replies that answer this question only while it is asked ("rarely", "a handful", "some rules"):
   * read at the start of the reply; in a description they would say too little.
   */
  shortAnswers?: { pattern: RegExp; value: string }[];
  /** A question that only makes sense once this field is known ("how often does the knowledge it needs change?"). */
  askAfter?: ProfileField;
}

type Catalogue = { [F in ProfileField]: Omit<FieldQuestion, 'field' | 'choices'> & { labels: Record<(typeof FIELD_VALUES)[F][number], string> } };

const CATALOGUE: Catalogue = {
  task: {
    name: 'Main task',
    text: 'What will the model mainly do?',
    labels: {
      qa: 'Answer questions',
      chat: 'Hold conversations (assistant or chatbot)',
      generation: 'Write or generate text',
      classification: 'Classify or tag',
      extraction: 'Extract fields or keywords',
      summarization: 'Summarize',
      recommendation: 'Recommend items',
      analysis: 'Analyse documents',
      other: 'Something else',
    },
    prior: {},
  },
  knowledgeNeed: {
    name: 'Knowledge the model lacks',
    text: 'Does the model need knowledge it was not trained on?',
    labels: {
      none: 'No, general language is enough',
      public: 'Yes, recent public or world knowledge',
      proprietary: 'Yes, our own documents or databases',
    },
    yesNo: { yes: 'proprietary', no: 'none' },
    prior: { none: 1, public: 1, proprietary: 2 },
  },
  knowledgeFreshness: {
    name: 'How often that knowledge changes',
    text: 'How often does the knowledge it needs change?',
    askAfter: 'knowledgeNeed',
    labels: {
      static: 'Practically never',
      yearly: 'Every few months to once a year',
      monthly: 'Every month or two',
      weekly: 'Weekly',
      daily: 'Daily',
      realtime: 'Continuously (live data)',
    },
    shortAnswers: [
      { pattern: /^(?:never|hardly ever|almost never|basically never|practically never|it doesn't|it does not|doesn't|does not)\b/, value: 'static' },
      { pattern: /^(?:rarely|seldom|not (?:very )?often|once in a while|now and then|occasionally)\b/, value: 'yearly' },
      { pattern: /^(?:every (?:couple(?: of)?|few|2|two|3|three) days|every other day|several times a week|a few times a week)\b/, value: 'daily' },
      { pattern: /^(?:constantly|continuously|all the time|non.?stop|live|real.?time|every (?:few )?(?:minutes?|hours?))\b/, value: 'realtime' },
    ],
    prior: {},
  },
  behaviourNeed: {
    name: 'Tone, format or style rules',
    text: 'Must the model follow a particular tone, voice, format or terminology?',
    labels: {
      none: 'No particular rules',
      light: 'Some, a prompt can describe them',
      strict: 'Strict rules that prompting does not hold reliably',
    },
    shortAnswers: [
      { pattern: /^(?:no (?:real |particular |special )?(?:rules?|requirements?|preferences?)|nothing (?:special|in particular|much)|(?:tone|style|format|it) (?:doesn't|does not|don't) matter|doesn't matter|does not matter|anything goes|any tone|whatever)\b/, value: 'none' },
      { pattern: /^(?:(?:a few|some|a couple of|light|loose|basic|simple|minor) (?:rules?|guidelines?|preferences?|requirements?)|(?:we have |there's |there is )?(?:a |our )?(?:style guide|brand guide|tone guide)\b(?!.{0,40}\b(?:ignores?|doesn't follow|does not follow|breaks|keeps breaking|struggles|can't|cannot)\b))/, value: 'light' },
      { pattern: /^(?:(?:very |really |quite )?strict(?: (?:tone|style|rules?|format))?|prompting (?:doesn't|does not|can't|cannot|won't) (?:hold|follow|keep)|(?:the )?(?:model|gpt|it) (?:ignores|keeps breaking|doesn't follow|does not follow) (?:them|it|the rules|our (?:style|rules)))\b/, value: 'strict' },
    ],
    yesNo: { yes: 'strict', no: 'none' },
    prior: { none: 2, light: 2, strict: 1 },
  },
  outputStructure: {
    name: 'Output structure',
    text: 'Does every answer have to follow a fixed template or schema (JSON, tables)?',
    labels: { free: 'No, free text', structured: 'Yes, a fixed template or schema' },
    yesNo: { yes: 'structured', no: 'free' },
    prior: { free: 2, structured: 1 },
  },
  domainLanguage: {
    name: 'Domain language',
    text: 'Does the work involve heavy jargon or a niche vocabulary?',
    labels: { general: 'No, everyday language', specialized: 'Yes, specialized terminology' },
    yesNo: { yes: 'specialized', no: 'general' },
    prior: { general: 2, specialized: 1 },
  },
  accuracyStakes: {
    name: 'Cost of a wrong answer',
    text: 'How costly is a confident but wrong (hallucinated) answer?',
    labels: { low: 'Low, people check the output anyway', medium: 'Medium', high: 'High (legal, medical, financial harm)' },
    prior: {},
  },
  citations: {
    name: 'Citations',
    text: 'Do users need to see where an answer came from?',
    labels: { no: 'No', nice: 'Nice to have', required: 'Yes, sources are required' },
    yesNo: { yes: 'required', no: 'no' },
    prior: {},
  },
  labeledExamples: {
    name: 'Labeled examples',
    text: 'How many labeled input/output examples do you have (or could you collect)?',
    labels: { none: 'None', few: 'Fewer than 100', hundreds: '100 to 999', thousands: '1,000 or more' },
    shortAnswers: [
      { pattern: /^(?:zero|nothing|not (?:a single )?one|not any|no examples?|no labell?ed (?:data|examples?))\b/, value: 'none' },
      { pattern: /^(?:a handful|a few|a couple(?: (?:of )?dozen)?|a dozen|dozens|tens|very few|only a few|just a few)\b(?! (?:hundred|thousand))/, value: 'few' },
      { pattern: /^(?:a few hundred|several hundred|hundreds|a couple (?:of )?hundred)\b/, value: 'hundreds' },
      { pattern: /^(?:a few thousand|several thousand|thousands|tens of thousands|a couple (?:of )?thousand)\b/, value: 'thousands' },
    ],
    yesNo: { no: 'none' },
    prior: {},
  },
  modelClass: {
    name: 'Model',
    text: 'Which kind of model will you use?',
    labels: {
      'frontier-api': 'A hosted large model (GPT-4 class)',
      'open-medium': 'A self-hosted open model (~7B–70B)',
      small: 'A small model (under 7B)',
    },
    prior: { 'frontier-api': 2, 'open-medium': 1, small: 1 },
  },
  latency: {
    name: 'Latency',
    text: 'How fast must a response start?',
    labels: { relaxed: 'Seconds are fine', interactive: 'About a second (interactive)', realtime: 'Well under a second (realtime)' },
    prior: { relaxed: 1, interactive: 2, realtime: 0.5 },
  },
  deployment: {
    name: 'Deployment',
    text: 'Where will the model run?',
    labels: { cloud: 'In the cloud or a data centre', 'on-device': 'On a device (phone, car, offline edge)' },
    prior: { cloud: 5, 'on-device': 1 },
  },
  mlCapacity: {
    name: 'ML capacity',
    text: 'Do you have GPUs and people who have trained models before?',
    labels: { none: 'No', some: 'Some', strong: 'Yes, a strong ML team' },
    yesNo: { yes: 'some', no: 'none' },
    prior: { none: 1, some: 2, strong: 1 },
  },
  dataRestriction: {
    name: 'Data restrictions',
    text: 'May your data be kept in a searchable store (a search index or vector database)?',
    labels: { none: 'Yes, that is fine', 'no-search-index': 'No, it must not be kept in a searchable store' },
    yesNo: { yes: 'none', no: 'no-search-index' },
    prior: { none: 5, 'no-search-index': 1 },
  },
  personalization: {
    name: 'Personalization',
    text: "Must answers use each user's own data (their history, account, records)?",
    labels: { no: 'No', yes: "Yes, each user's own data" },
    yesNo: { yes: 'yes', no: 'no' },
    prior: { no: 2, yes: 1 },
  },
};

/** The value a short reply gives the question on this field while it is asked ("rarely" → yearly), or null. */
export function shortAnswer(field: ProfileField, reply: string): string | null {
  return CATALOGUE[field].shortAnswers?.find(({ pattern }) => pattern.test(reply))?.value ?? null;
}

export function fieldQuestion(field: ProfileField): FieldQuestion {
  const entry = CATALOGUE[field];
  const labels = entry.labels as Record<string, string>;
  return {
    field,
    name: entry.name,
    text: entry.text,
    choices: (FIELD_VALUES[field] as readonly string[]).map((value) => ({ value, label: labels[value] ?? value })),
    prior: entry.prior,
    ...(entry.yesNo ? { yesNo: entry.yesNo } : {}),
    ...(entry.askAfter ? { askAfter: entry.askAfter } : {}),
  };
}

export function choiceLabel(field: ProfileField, value: string): string {
  return (CATALOGUE[field].labels as Record<string, string>)[value] ?? value;
}

export function fieldName(field: ProfileField): string {
  return CATALOGUE[field].name;
}

/** Prior weight of each value of a field, normalised to sum to 1. */
export function priorOf(field: ProfileField): Map<string, number> {
  const { prior } = CATALOGUE[field];
  const values = FIELD_VALUES[field] as readonly string[];
  const weights = values.map((value) => prior[value] ?? 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return new Map(values.map((value, index) => [value, (weights[index] ?? 0) / total]));
}
