import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tempDir } from '../../helpers/tempDir.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const dataDir = tempDir('advisor-cli');
/** Only what the CLI needs: no platform credentials leak in from the machine running the tests. */
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dataDir, ADVISOR_DB: join(dataDir, 'advisor.db'), LOG_LEVEL: 'warn' };

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', ...args], { cwd: ROOT, input, env: ENV, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean) };
}

const ChatLine = z
  .object({
    text: z.string().min(1),
    question: z.object({ field: z.string(), text: z.string(), choices: z.array(z.object({ value: z.string(), label: z.string() })) }).nullable(),
    result: z.object({ recommendation: z.string(), confidence: z.number(), profile: z.record(z.string(), z.string()), nextQuestion: z.unknown() }).loose().nullable(),
  })
  .strict();

describe('advisor CLI', () => {
  it('chat --json writes exactly one JSON object per input line and ends on a final recommendation', () => {
    const input = ['We are building a support chatbot that answers questions from our product docs. The docs change every week.', 'No particular rules', 'why not fine-tuning?', '', ''].join('\n');
    const { code, lines } = run(['chat', '--json'], input);
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    const replies = lines.map((line) => ChatLine.parse(JSON.parse(line)));
    expect(replies[0]?.question?.field).toBe('behaviourNeed');
    expect(replies[1]?.question).toBeNull();
    expect(replies[1]?.result?.recommendation).toBe('rag');
    expect(replies[1]?.result?.profile.behaviourNeed).toBe('none');
    expect(replies[2]?.text).toMatch(/Fine-tuning scores/);
    expect(replies[3]?.text).toMatch(/empty/);
  });

  it('chat --json accepts a choice by its value', () => {
    const { lines } = run(['chat', '--json'], 'We are building a support chatbot that answers questions from our product docs. The docs change every week.\nstrict\n');
    expect(JSON.parse(lines[1] ?? '{}').result.recommendation).toBe('hybrid');
  });

  it('assess --json TEXT prints the engine output plus the profile', () => {
    const { code, lines } = run(['assess', '--json', 'Need a model that flags suspicious narratives; ~20k labeled cases; the rules barely move; classify only.']);
    expect(code).toBe(0);
    const result = JSON.parse(lines[0] ?? '{}');
    expect(result.recommendation).toBe('fine-tuning');
    expect(result.profile).toMatchObject({ task: 'classification', labeledExamples: 'thousands', knowledgeFreshness: 'static' });
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['confidence', 'scores', 'reasons', 'missing', 'whatWouldChange', 'nextQuestion']));
  });

  it('assess reads one description per stdin line', () => {
    const { lines } = run(['assess', '--json'], 'translate our blog posts, general content\nQ&A over our internal wiki which changes daily, with citations\n');
    expect(lines.map((line) => JSON.parse(line).recommendation)).toEqual(['prompting', 'rag']);
  });

  it('why --json returns ranked passages and verbatim citations', () => {
    const { lines } = run(['why', '--json', 'Does RAG add latency?']);
    const answer = JSON.parse(lines[0] ?? '{}');
    expect(answer.passages.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(answer.passages[0])).toEqual(['passageId', 'docId', 'title', 'section', 'text', 'score']);
    expect(answer.passages[0].score).toBeGreaterThanOrEqual(answer.passages[1].score);
    for (const citation of answer.citations) {
      const passage = answer.passages.find((item: { passageId: string }) => item.passageId === citation.passageId);
      expect(passage.text).toContain(citation.quote);
    }
  });

  it('why in plain text reads a quoted table row with its column names, as the chat does', () => {
    const { stdout } = run(['why', 'is fine-tuning cheaper than RAG in the long run?']);
    expect(stdout).toContain('"Cost — Fine-tuning: Higher (training); RAG: Lower (inference)"');
    expect(stdout).not.toContain('**');
    const { lines } = run(['why', '--json', 'is fine-tuning cheaper than RAG in the long run?']);
    expect(JSON.parse(lines[0] ?? '{}').citations.map((citation: { quote: string }) => citation.quote)).toContain('| **Cost** | Higher (training) | Lower (inference) |');
  });

  it('why refuses an over-long question with the chat\'s message instead of searching it', () => {
    const { code, lines } = run(['why', '--json'], `${'We answer questions from our docs. '.repeat(200)}\n`);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ passages: [], citations: [] });
    expect(JSON.parse(lines[0] ?? '{}').answer).toContain('longer than 4,000 characters');
  });

  it('an unknown option prints usage and exits 2, like an unknown command', () => {
    const { code, stderr } = run(['assess', '--jsn', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--jsn'");
    expect(stderr).toContain('Usage: advisor');
  });

  it('exits quietly when the reader of its output stops early', () => {
    const input = 'We answer questions from our internal wiki which changes weekly.\n'.repeat(2000);
    const result = spawnSync('bash', ['-c', `node --import tsx adapters/cli/main.ts assess --json | head -1`], { cwd: ROOT, input, env: ENV, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(result.stdout.trim()).recommendation).toBe('rag');
    expect(result.stderr).not.toContain('EPIPE');
  });

  it('an unknown command prints usage and exits 2', () => {
    const { code, stderr } = run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "frobnicate"');
    expect(stderr).toContain('Usage: advisor');
  });

  it('a malformed setting stops with a message naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', 'assess', 'x'], { cwd: ROOT, env: { ...ENV, SLACK_PORT: 'eighty' }, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SLACK_PORT');
  });

  it('npm start with piped input holds a conversation and exits cleanly', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
      cwd: ROOT,
      input: 'We are building a support chatbot that answers questions from our product docs. The docs change every week.\nnone\n',
      env: ENV,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Must the model follow a particular tone');
    expect(result.stdout).toContain('Recommendation');
    expect(result.stdout).toContain('RAG (retrieval-augmented generation)');
  });

  it('chat ends when the person says "exit", without answering the lines after it; --json answers every line', () => {
    const described = 'A support chatbot answering questions from our product docs, which change weekly.';
    const plain = run(['chat'], `${described}\nexit\nhelp\n`);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Must the model follow a particular tone');
    expect(plain.stdout).not.toContain('I help your team choose');
    const json = run(['chat', '--json'], `${described}\nexit\n`);
    expect(json.lines).toHaveLength(2);
    expect(JSON.parse(json.lines[1] ?? '{}').text).toContain('There is no "exit" command');
  });

  it('the advisor bin runs without a build step', () => {
    const result = spawnSync(process.execPath, ['bin/advisor.js', 'assess', '--json', 'translate our marketing posts, general content'], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(result.stdout).recommendation).toBe('prompting');
  });
});
