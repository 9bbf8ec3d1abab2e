import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONFLICTS, decide, FACTOR_RULES, OPTIONS } from '../../src/engine/index.js';
import { KnowledgeBase } from '../../src/knowledge/index.js';
import { FIELD_VALUES, PROFILE_FIELDS, type Profile } from '../../src/profile/schema.js';
import { acceptable, devSetsPresent, profileCases, scenarios } from '../helpers/devsets.js';

const knowledge = KnowledgeBase.load();

const CitationSchema = z.object({ passageId: z.string(), quote: z.string().min(1) });
const EngineOutputSchema = z.object({
  recommendation: z.enum(OPTIONS),
  confidence: z.number().min(0).max(1),
  scores: z.object({ rag: z.number(), 'fine-tuning': z.number(), hybrid: z.number(), prompting: z.number() }).strict(),
  reasons: z.array(z.object({ factor: z.string(), favors: z.enum(OPTIONS), text: z.string().min(10), citations: z.array(CitationSchema).min(1) }).loose()),
  missing: z.array(z.object({ field: z.enum(PROFILE_FIELDS as [string, ...string[]]) }).loose()),
  whatWouldChange: z.object({ option: z.enum(OPTIONS), changes: z.array(z.object({ field: z.string(), value: z.string(), lead: z.number() })) }),
  nextQuestion: z.object({ field: z.string(), text: z.string().min(5), choices: z.array(z.object({ value: z.string(), label: z.string() })).min(2) }).nullable(),
});

describe('factor rules and conflicts (data)', () => {
  const allCitations = [...FACTOR_RULES.flatMap((rule) => rule.citations.map((c) => ({ where: rule.id, ...c }))), ...CONFLICTS.flatMap((conflict) => conflict.sides.flatMap((side) => side.citations.map((c) => ({ where: conflict.id, ...c }))))];

  it('cites only passages that exist, with quotes verbatim in them', () => {
    const broken = allCitations.filter((citation) => !knowledge.passage(citation.passageId)?.text.includes(citation.quote));
    expect(broken).toEqual([]);
    expect(allCitations.length).toBeGreaterThan(60);
  });

  it('gives every rule a known field value, an explanation and at least one citation', () => {
    for (const rule of FACTOR_RULES) {
      if (rule.field !== 'baseline') expect(FIELD_VALUES[rule.field] as readonly string[]).toContain(rule.value);
      expect(rule.because.length).toBeGreaterThan(20);
      expect(rule.citations.length).toBeGreaterThan(0);
    }
  });

  it('shows two sides, each with citations, for every conflict', () => {
    for (const conflict of CONFLICTS) {
      const sides = new Set(conflict.sides.map((side) => side.favors));
      expect(sides.size).toBeGreaterThanOrEqual(2);
      for (const side of conflict.sides) expect(side.citations.length).toBeGreaterThan(0);
    }
  });
});

describe('decide', () => {
  const docsProject: Profile = { task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly' };

  it('returns the SPEC 4 output shape, JSON-serialisable', () => {
    const result = decide(docsProject);
    expect(() => EngineOutputSchema.parse(JSON.parse(JSON.stringify(result)))).not.toThrow();
  });

  it('is deterministic', () => {
    expect(JSON.stringify(decide(docsProject))).toBe(JSON.stringify(decide({ ...docsProject })));
  });

  it('recommends RAG for fast-changing private knowledge and fine-tuning for strict format with many examples', () => {
    expect(decide({ knowledgeNeed: 'proprietary', knowledgeFreshness: 'daily', citations: 'required' }).recommendation).toBe('rag');
    expect(decide({ knowledgeNeed: 'none', behaviourNeed: 'strict', outputStructure: 'structured', labeledExamples: 'thousands' }).recommendation).toBe('fine-tuning');
    expect(decide({ knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly', behaviourNeed: 'strict', labeledExamples: 'thousands' }).recommendation).toBe('hybrid');
    expect(decide({ task: 'classification', knowledgeNeed: 'none', accuracyStakes: 'low', labeledExamples: 'none' }).recommendation).toBe('prompting');
  });

  it('keeps fine-tuning for a strict voice with thousands of examples even when mistakes are cheap and the model is hosted', () => {
    const voiceWork: Profile = { task: 'generation', knowledgeNeed: 'none', behaviourNeed: 'strict', accuracyStakes: 'low', labeledExamples: 'thousands', modelClass: 'frontier-api' };
    expect(decide(voiceWork).recommendation).toBe('fine-tuning');
    // Without the examples, cheap mistakes still favour trying a prompt first.
    expect(decide({ ...voiceWork, labeledExamples: 'none' }).recommendation).toBe('prompting');
  });

  it('asks only questions whose answer can change the recommendation, most decisive first', () => {
    const result = decide(docsProject);
    for (const item of result.missing) {
      const outcomes = FIELD_VALUES[item.field].map((value) => decide({ ...docsProject, [item.field]: value }).recommendation);
      expect(outcomes.some((outcome) => outcome !== result.recommendation)).toBe(true);
    }
    const chances = result.missing.map((item) => item.flipChance);
    expect(chances).toEqual([...chances].sort((a, b) => b - a));
    expect(result.nextQuestion?.field).toBe(result.missing[0]?.field);
  });

  it('breaks an exact tie toward the option that keeps the reasons to adapt, and does not ask a question that would only tie', () => {
    const docs: Profile = { task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly' };
    const small = decide({ ...docs, modelClass: 'small' });
    expect(small.scores.rag).toBe(small.scores.hybrid);
    expect(small.recommendation).toBe('hybrid');
    // "small" would only tie RAG with a hybrid, so it does not make the model class worth asking.
    const open = decide(docs);
    expect(open.recommendation).toBe('rag');
    expect(open.missing.some((item) => item.field === 'modelClass' && item.flips.some((flip) => flip.value === 'small'))).toBe(false);
    // A rule weighing RAG and a hybrid equally is shown as favouring RAG.
    const knowledge = open.reasons.find((reason) => reason.factor === 'knowledgeNeed');
    expect(knowledge?.weights.rag).toBe(knowledge?.weights.hybrid);
    expect(knowledge?.favors).toBe('rag');
    // Retrieval tied with plain prompting: the simpler setup wins.
    const tagging = decide({ task: 'classification', modelClass: 'frontier-api', mlCapacity: 'none' });
    expect(tagging.scores.rag).toBe(tagging.scores.prompting);
    expect(tagging.recommendation).toBe('prompting');
  });

  it('asks nothing once no single answer can change the result', () => {
    const settled = decide({ task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'daily', citations: 'required', labeledExamples: 'none', mlCapacity: 'none', personalization: 'yes', modelClass: 'frontier-api' });
    expect(settled.missing).toEqual([]);
    expect(settled.nextQuestion).toBeNull();
  });

  it('never asks a skipped field again but still reports it as missing', () => {
    const first = decide(docsProject);
    const field = first.nextQuestion?.field;
    expect(field).toBeDefined();
    const skipped = decide(docsProject, { skipped: field ? [field] : [] });
    expect(skipped.nextQuestion?.field).not.toBe(field);
    expect(skipped.missing.map((item) => item.field)).toContain(field);
  });

  it('scores a guessed field as given but keeps it open to a question', () => {
    const guessed = { task: 'generation', knowledgeNeed: 'none' } as const;
    const asGiven = decide(guessed);
    const asGuess = decide(guessed, { tentative: ['knowledgeNeed'] });
    expect(asGuess.recommendation).toBe(asGiven.recommendation);
    expect(asGuess.scores).toEqual(asGiven.scores);
    expect(asGiven.missing.map((item) => item.field)).not.toContain('knowledgeNeed');
    const open = asGuess.missing.find((item) => item.field === 'knowledgeNeed');
    expect(open?.flips.map((flip) => flip.value)).toContain('proprietary');
    expect(open?.flips.map((flip) => flip.value)).not.toContain('none');
    expect(asGuess.nextQuestion?.field).toBe('knowledgeNeed');
  });

  it('lists changes that really make the runner-up win', () => {
    const result = decide(docsProject);
    expect(result.whatWouldChange.changes.length).toBeGreaterThan(0);
    for (const change of result.whatWouldChange.changes) {
      expect(decide({ ...docsProject, [change.field]: change.value }).recommendation).toBe(result.whatWouldChange.option);
    }
  });

  it('says where the sources disagree when the profile lands on a conflict', () => {
    const result = decide({ task: 'qa', knowledgeNeed: 'proprietary', modelClass: 'open-medium', labeledExamples: 'hundreds' });
    expect(result.disagreements.map((item) => item.id)).toContain('memorizing-documents');
    const privacy = decide({ dataRestriction: 'no-search-index', knowledgeNeed: 'proprietary' });
    expect(privacy.disagreements.map((item) => item.id)).toContain('privacy');
  });

  it.runIf(devSetsPresent)('gets every complete dev profile right (expected or acceptable)', () => {
    const byId = new Map(scenarios().map((scenario) => [scenario.id, scenario]));
    const wrong = profileCases().filter((item) => {
      const scenario = byId.get(item.id);
      return scenario && !acceptable(scenario, decide(item.profile).recommendation);
    });
    expect(wrong.map((item) => item.id)).toEqual([]);
  });
});

describe('question threshold', () => {
  it('lists a field whose only flipping answers are rare as missing, without asking it', () => {
    const profile: Profile = { task: 'qa', knowledgeNeed: 'proprietary', knowledgeFreshness: 'weekly', behaviourNeed: 'strict', outputStructure: 'structured', labeledExamples: 'thousands', mlCapacity: 'some' };
    const result = decide(profile);
    const deployment = result.missing.find((item) => item.field === 'deployment');
    expect(deployment?.flips).toEqual([{ value: 'on-device', recommendation: 'fine-tuning' }]);
    expect(deployment?.flipChance).toBeLessThan(0.2);
    expect(result.nextQuestion).toBeNull();
  });
});
