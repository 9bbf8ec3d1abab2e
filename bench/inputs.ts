/** Varied, realistic inputs for benchmarks: project descriptions and "why" questions built from parts. */
const TASKS = ['a support chatbot that answers questions from', 'a Q&A assistant over', 'a classifier that tags tickets using', 'a tool that summarizes', 'an assistant that drafts reports from', 'a bot that extracts fields from'];
const KNOWLEDGE = ['our product docs', 'our internal wiki', 'public research papers', 'customer records', 'the employee handbook', 'our policy documents'];
const FRESHNESS = ['which change every week', 'updated daily', 'that barely change', 'revised quarterly', 'with a live feed of prices', 'that change monthly'];
const DATA = ['We have no labeled data.', 'We have ~2,000 labeled examples.', 'Maybe 50 pairs.', 'We have a few hundred Q&A examples.', 'We have 10k rated transcripts.', ''];
const EXTRAS = ['Answers must cite sources.', 'It must follow our strict template.', 'We self-host Llama 2 7B.', 'We use GPT-4o.', 'No GPUs here.', 'It runs on a phone, offline.', 'Responses must start in under 300 ms.', ''];
const QUESTIONS = [
  'Why not fine-tune instead?', 'Does RAG add latency?', 'How much training data do I need?', 'What about privacy of sensitive data?', 'Can it output valid JSON every time?',
  'Why is RAG better when data changes often?', 'Do I need GPUs?', 'Can RAG personalize answers?', 'Which gives more consistent answers?', 'What does RAG depend on to work well?',
  'Is a fine-tuned model a black box?', 'How long does fine-tuning take?', 'Why a hybrid?', 'What about a small model like Phi-2?', 'Will fine-tuning stop hallucinations?',
];

function pick<T>(list: T[], index: number): T {
  return list[index % list.length] as T;
}

export function descriptions(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    `We are building ${pick(TASKS, i)} ${pick(KNOWLEDGE, i * 7 + 1)} ${pick(FRESHNESS, i * 3 + 2)}. ${pick(DATA, i * 5 + 3)} ${pick(EXTRAS, i * 11 + 4)} ${pick(EXTRAS, i * 13 + 5)}`.trim(),
  );
}

export function questions(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${pick(QUESTIONS, i)}${i >= QUESTIONS.length ? ` (${pick(KNOWLEDGE, i)})` : ''}`);
}

const WORDS = 'retrieval tuning latency privacy cost model data index vector prompt schema label quality update policy catalog support domain customer answer cite source batch stream device memory GPU budget team review audit'.split(' ');

/** Synthetic user documents: `count` passages of plausible text under headings, for retrieval scaling. */
export function syntheticDocuments(passages: number, perDocument = 50): { docId: string; markdown: string }[] {
  const documents: { docId: string; markdown: string }[] = [];
  for (let d = 0; d * perDocument < passages; d += 1) {
    const sections: string[] = [];
    for (let p = 0; p < perDocument && d * perDocument + p < passages; p += 1) {
      const n = d * perDocument + p;
      const sentence = (k: number) => `The ${pick(WORDS, n + k)} of the ${pick(WORDS, n * 3 + k)} depends on ${pick(WORDS, n * 7 + k)} and ${pick(WORDS, n * 11 + k)}.`;
      sections.push(`## Section ${n}: ${pick(WORDS, n)} and ${pick(WORDS, n * 5 + 1)}\n\n${[1, 2, 3, 4, 5].map(sentence).join(' ')}\n`);
    }
    documents.push({ docId: `zz-generated-${d}`, markdown: `---\ntitle: "Generated notes ${d}"\n---\n\n# Generated notes ${d}\n\n${sections.join('\n')}` });
  }
  return documents;
}
