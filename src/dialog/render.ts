import { OPTION_LABELS, type EngineResult, type Option, type Reason } from '../engine/types.js';
import { tableCells, type KnowledgeBase } from '../knowledge/index.js';
import { choiceLabel, fieldName } from '../profile/catalogue.js';
import { PROFILE_FIELDS, profileValue, type Profile, type ProfileField } from '../profile/schema.js';
import type { AssessmentResult, CitationView, DecisionRecord, Reply, ReplyAction, ReplyKind, ReplySection } from './messages.js';

const REASONS_SHOWN = 4;
const CHANGES_SHOWN = 3;

export const RESULT_ACTIONS: ReplyAction[] = [
  { id: 'why', label: 'Why?' },
  { id: 'post-summary', label: 'Post decision summary' },
];

export function section(text: string, title?: string, citations: CitationView[] = []): ReplySection {
  return { ...(title ? { title } : {}), text, citations };
}

/**
 * A quote as people read it: the documents' Markdown bold (`**Explainability**: …`) would show as stray
 * asterisks or unbalanced bold, so it is dropped; a table row is read with its column names; a list's lead-in
 * ends in an ellipsis. The words stay the passage's; the citation keeps the verbatim quote.
 */
export function readableQuote(quote: string, columns?: readonly string[]): string {
  const text = quote.replace(/\*\*/g, '');
  if (columns && text.startsWith('|')) return readableRow(text, columns);
  // A sentence that introduces a list ends in a colon; shown alone, an ellipsis says the list was left out.
  return text.replace(/:\s*$/, ' …');
}

/** "| Cost | Higher | Lower |" under "Aspect | Fine-tuning | RAG" reads "Cost — Fine-tuning: Higher; RAG: Lower". */
function readableRow(row: string, columns: readonly string[]): string {
  const cells = tableCells(row);
  if (cells.length !== columns.length || cells.length < 2) return row;
  const [label, ...values] = cells;
  return `${label} — ${values.map((value, index) => `${columns[index + 1]}: ${value}`).join('; ')}`;
}

function citationLine(citation: CitationView, number: number): string {
  return `  [${number}] "${readableQuote(citation.quote, citation.columns)}" — ${citation.title} › ${citation.section}`;
}

/** The whole reply as plain text: each section's title, body and numbered citations. */
export function plainText(sections: ReplySection[]): string {
  return sections
    .map((part) => {
      // Markers like [2] in a section's text point at that section's own citations.
      const lines = [part.title ? `*${part.title}*` : '', part.text, ...part.citations.map((citation, index) => citationLine(citation, index + 1))];
      return lines.filter(Boolean).join('\n');
    })
    .join('\n\n');
}

/** Replies whose own sections already ask their question. */
const ASKING_KINDS: readonly ReplyKind[] = ['question', 'recommendation'];

export function reply(kind: ReplyKind, sections: ReplySection[], extra: Partial<Pick<Reply, 'question' | 'actions' | 'result'>> = {}): Reply {
  const question = extra.question ?? null;
  // After a side answer the choices come back; without the question above them they would not say what they answer.
  const shown = question && !ASKING_KINDS.includes(kind) ? [...sections, section(question.text, 'Still to answer')] : sections;
  return { kind, text: plainText(shown), sections: shown, question, actions: extra.actions ?? [], result: extra.result ?? null };
}

export function optionName(option: Option): string {
  return OPTION_LABELS[option];
}

export function describeValue(field: ProfileField, value: string): string {
  return `${fieldName(field)}: ${choiceLabel(field, value)}`;
}

/** Shown after a value guessed from the description as a whole, so the user knows to check it. */
export const GUESS_MARK = ' (my guess from your description; say so if it is wrong)';

export function profileLines(profile: Profile, skipped: readonly ProfileField[] = [], guessed: readonly ProfileField[] = []): string {
  const known = PROFILE_FIELDS.flatMap((field) => {
    const value = profileValue(profile, field);
    return value === undefined ? [] : [`- ${describeValue(field, value)}${guessed.includes(field) ? GUESS_MARK : ''}`];
  });
  const unsure = skipped.filter((field) => profileValue(profile, field) === undefined).map((field) => `- ${fieldName(field)}: not sure`);
  const lines = [...known, ...unsure];
  return lines.length > 0 ? lines.join('\n') : '- nothing yet';
}

function citeAll(knowledge: KnowledgeBase, citations: Reason['citations'], limit = 1): CitationView[] {
  return citations.flatMap((citation) => knowledge.view(citation) ?? []).slice(0, limit);
}

/**
 * The reasons for the recommendation: rules that favour it at least as much as any other option. A rule that
 * gives prompting a little and fine-tuning more ("classification relies on learned patterns") is no reason for
 * prompting. Failing those, any rule that adds to it; failing that, the strongest rules.
 */
export function reasonsFor(result: EngineResult): Reason[] {
  const gain = (reason: Reason) => reason.weights[result.recommendation] ?? 0;
  const favouring = result.reasons.filter((reason) => gain(reason) > 0 && gain(reason) >= Math.max(...Object.values(reason.weights).map((weight) => weight ?? 0)));
  if (favouring.length > 0) return favouring;
  const adding = result.reasons.filter((reason) => reason.weight > 0);
  return adding.length > 0 ? adding : result.reasons;
}

export function reasonsSection(knowledge: KnowledgeBase, result: EngineResult, title = 'Why'): ReplySection {
  const shown = reasonsFor(result).slice(0, REASONS_SHOWN);
  if (shown.length === 0) return section('- I know too little about the project yet; this is the simplest starting point.', title);
  const citations: CitationView[] = [];
  const lines = shown.map((reason) => {
    const views = citeAll(knowledge, reason.citations);
    const refs = views.map((view) => {
      citations.push(view);
      return `[${citations.length}]`;
    });
    return `- ${describeValue(reason.factor as ProfileField, reason.value)} — ${reason.text} ${refs.join('')}`.trim();
  });
  return section(lines.join('\n'), title, citations);
}

export function disagreementSection(knowledge: KnowledgeBase, result: EngineResult): ReplySection | null {
  if (result.disagreements.length === 0) return null;
  const citations: CitationView[] = [];
  const lines = result.disagreements.flatMap((conflict) => [
    `- ${conflict.topic}:`,
    ...conflict.sides.map((side) => {
      const refs = citeAll(knowledge, side.citations, 2).map((view) => {
        citations.push(view);
        return `[${citations.length}]`;
      });
      return `  - For ${optionName(side.favors)}: ${side.claim} ${refs.join('')}`.trimEnd();
    }),
  ]);
  return section(lines.join('\n'), 'Where the sources disagree', citations);
}

export function changeSection(result: EngineResult): ReplySection | null {
  const { option, changes } = result.whatWouldChange;
  if (changes.length === 0) return section(`No single answer would make the runner-up, ${optionName(option)}, win.`, 'What would change it');
  // A change that only draws level wins on the tie-break; saying so keeps "would win" honest.
  const lines = changes.slice(0, CHANGES_SHOWN).map((change) => `- ${describeValue(change.field, change.value)}${change.lead === 0 ? ' (only just: the scores would tie)' : ''}`);
  return section(`${optionName(option)} would win instead if:\n${lines.join('\n')}`, 'What would change it');
}

export function openQuestionsSection(result: EngineResult): ReplySection | null {
  if (result.missing.length === 0) return null;
  const lines = result.missing.slice(0, 3).map((item) => `- ${fieldName(item.field)} (could change it to ${[...new Set(item.flips.map((flip) => optionName(flip.recommendation)))].join(' or ')})`);
  return section(lines.join('\n'), 'Still open');
}

/** "1 point", "2.5 points". */
export function pointsText(points: number): string {
  return `${points} ${points === 1 ? 'point' : 'points'}`;
}

export function headline(result: EngineResult): string {
  return `*${optionName(result.recommendation)}* — confidence ${result.confidence.toFixed(2)}`;
}

export function recommendationSections(knowledge: KnowledgeBase, result: AssessmentResult, skipped: readonly ProfileField[] = []): ReplySection[] {
  return [
    section(headline(result), 'Recommendation'),
    reasonsSection(knowledge, result),
    disagreementSection(knowledge, result),
    changeSection(result),
    openQuestionsSection(result),
    section(profileLines(result.profile, skipped, result.guessed), 'What I understood'),
  ].filter((part): part is ReplySection => part !== null);
}

/** What a summary rests on: a decision taken in a conversation, a chat still asking, or a one-shot assessment. */
export type SummaryBasis = 'decision' | 'unfinished' | 'quick-assessment';

const BASIS_WORDS: Record<SummaryBasis, string> = { decision: 'Decided', unfinished: 'Provisional, as of', 'quick-assessment': 'Quick assessment' };

export function summarySections(
  knowledge: KnowledgeBase,
  record: DecisionRecord,
  postedBy: { userId: string; userName?: string | undefined },
  basis: SummaryBasis = 'decision',
): ReplySection[] {
  const who = postedBy.userName ?? postedBy.userId;
  const asker = record.userName ?? record.userId;
  const date = record.decidedAt.slice(0, 10);
  return [
    section(`${headline(record.result)}\n${BASIS_WORDS[basis]} ${date} for ${asker}; posted by ${who}.`, 'Decision summary'),
    section(profileLines(record.profile), 'Project profile'),
    reasonsSection(knowledge, record.result, 'Reasons'),
    disagreementSection(knowledge, record.result),
    openQuestionsSection(record.result) ?? section('No open question could change this recommendation outright.', 'Still open'),
  ].filter((part): part is ReplySection => part !== null);
}
