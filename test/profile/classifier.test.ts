import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferUnstated, MIN_WORDS_TO_INFER } from '../../src/profile/classifier.js';
import { extractProfile, extractWithInference, normalise } from '../../src/profile/extract.js';
import { ProfileSchema } from '../../src/profile/schema.js';
import { devSetsPresent, scenarios, wordRuns } from '../helpers/devsets.js';

const REWRITE = 'We want a tool that rewrites the release notes our engineers draft into a friendlier tone for customers, keeping them short.';
const ACTION_ITEMS = 'Summarise each long meeting transcript into a short list of action items, with an owner and a due date for each one.';

describe('reading a field from the description as a whole', () => {
  it('guesses that a rewriting or summarising task needs no outside knowledge, where no words say so', () => {
    for (const text of [REWRITE, ACTION_ITEMS]) {
      expect(extractProfile(text).profile.knowledgeNeed).toBeUndefined();
      const extraction = extractWithInference(text);
      expect(extraction.profile.knowledgeNeed).toBe('none');
      expect(extraction.inferred).toEqual(['knowledgeNeed']);
    }
  });

  it('does not guess when the words already settle the field, or the profile so far has it', () => {
    const stated = extractWithInference('A Q&A bot over our internal wiki that rewrites answers in a friendly tone for our staff.');
    expect(stated.profile.knowledgeNeed).toBe('proprietary');
    expect(stated.inferred).toBeUndefined();
    expect(extractWithInference(REWRITE, { knowledgeNeed: 'proprietary' }).profile.knowledgeNeed).toBeUndefined();
  });

  it('does not guess from a short answer or correction', () => {
    const short = 'rewrite release notes in a friendlier tone';
    expect(short.split(' ').length).toBeLessThan(MIN_WORDS_TO_INFER);
    expect(inferUnstated(normalise(short), {})).toEqual({});
  });

  it('guesses only alongside something the words state, so small talk gets no guess', () => {
    const text = 'Turn meeting transcripts into a short list of action items with an owner and a due date for each one, nothing else.';
    expect(inferUnstated(normalise(text), {}).knowledgeNeed).toBe('none');
    expect(extractProfile(text).evidence).toEqual([]);
    expect(extractWithInference(text)).toEqual({ profile: {}, evidence: [] });
    expect(extractWithInference('Hello there, I am new to this team and just wanted to say hi to everyone here today.').profile).toEqual({});
  });

  it('leaves the field open when the description could go either way', () => {
    const text = 'A helper for the claims team that answers questions about how a given claim type is handled, for our adjusters.';
    expect(extractWithInference(text).profile.knowledgeNeed).toBeUndefined();
  });

  it('guesses the team\'s own knowledge when it is said to change but not where it lives, and says it guessed', () => {
    const text = 'Visitors ask about opening hours and which rooms are closed; that changes most weeks.';
    expect(extractProfile(text).profile.knowledgeNeed).toBeUndefined();
    const extraction = extractWithInference(text);
    expect(extraction.profile).toMatchObject({ knowledgeFreshness: 'weekly', knowledgeNeed: 'proprietary' });
    expect(extraction.inferred).toContain('knowledgeNeed');
    // Knowledge that never changes, or a source the words name, leaves nothing to guess.
    expect(extractWithInference('Visitors ask about the exhibits, and the texts never change.').inferred ?? []).not.toContain('knowledgeNeed');
    expect(extractWithInference('Inspectors ask about the building rules; the rules are public and revised every year.').profile.knowledgeNeed).toBe('public');
    expect(extractWithInference(text, { knowledgeNeed: 'public' }).profile.knowledgeNeed).toBeUndefined();
  });

  it('never guesses public knowledge, even where the model leans that way', () => {
    const texts = [REWRITE, ACTION_ITEMS, 'Summarise the latest published papers and news on battery chemistry every morning for our researchers.'];
    for (const text of texts) {
      expect(inferUnstated(normalise(text), {}).knowledgeNeed).not.toBe('public');
    }
  });
});

describe('the labelled descriptions it learns from', () => {
  const lines = readFileSync(new URL('../../src/profile/training/labelled-descriptions.jsonl', import.meta.url), 'utf8').trim().split('\n');

  it('are valid, with values of the profile schema', () => {
    expect(lines.length).toBeGreaterThanOrEqual(300);
    for (const line of lines) {
      const parsed = JSON.parse(line) as { text: string; stated: Record<string, string> };
      expect(parsed.text.length).toBeGreaterThan(20);
      expect(Object.keys(parsed.stated).length).toBeGreaterThan(0);
      expect(ProfileSchema.safeParse(parsed.stated).success).toBe(true);
    }
  });

  it.skipIf(!devSetsPresent)('share no eight-word run with the dev scenarios, so the dev figures are not learned', () => {
    const dev = new Set(scenarios().flatMap((scenario) => wordRuns(scenario.text, 8)));
    const copied = lines.filter((line) => wordRuns((JSON.parse(line) as { text: string }).text, 8).some((run) => dev.has(run)));
    expect(copied).toEqual([]);
  });
});
