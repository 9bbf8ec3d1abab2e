import 'dotenv/config';
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createAdvisor, createLanguageModel, type Advisor } from '../../src/index.js';
import { answerWhy } from '../../src/dialog/why.js';
import { inputProblemText } from '../../src/dialog/advisor.js';
import { cleanInput } from '../../src/dialog/input.js';
import { ConfigError, llmSettings, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import type { UserMessage } from '../../src/dialog/messages.js';
import { jsonLine, renderForTerminal } from './render.js';

const USAGE = `Usage: advisor <command> [--json] [TEXT]

Commands:
  chat            talk with the advisor (reads stdin line by line when it is not a terminal)
  assess [TEXT]   one-shot assessment of a project description (one per stdin line without TEXT)
  why [TEXT]      answer a "why" question from the source documents (one per stdin line without TEXT)
  help            this text

Options:
  --json          machine-readable output, one JSON object per line`;

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function* inputLines(text: string | undefined): AsyncGenerator<string> {
  if (text !== undefined) {
    yield text;
    return;
  }
  const reader = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of reader) yield line;
}

async function assess(advisor: Advisor, json: boolean, text: string): Promise<void> {
  const reply = await advisor.assessWithExtractor(text);
  if (!json) {
    write(renderForTerminal(reply, process.stdout.isTTY === true));
    return;
  }
  write(JSON.stringify(reply.result ?? { error: reply.text, profile: {} }));
}

function why(advisor: Advisor, json: boolean, rawQuestion: string): void {
  // The same limits as the chat: an empty, binary or over-long question gets a message, not a search.
  const { text: question, problem } = cleanInput(rawQuestion);
  if (problem) {
    const message = inputProblemText(problem);
    write(json ? JSON.stringify({ answer: message, passages: [], citations: [] }) : message);
    return;
  }
  const answer = answerWhy(advisor.knowledge, question);
  if (!json) {
    write(answer.answer);
    return;
  }
  write(JSON.stringify({ answer: answer.answer, passages: answer.passages, citations: answer.citations }));
}

const LEAVE = /^\s*\/?(?:exit|quit|bye|goodbye)\s*[.!]?\s*$/i;

async function chat(advisor: Advisor, json: boolean): Promise<void> {
  const interactive = process.stdin.isTTY === true && !json;
  const conversationId = `cli:${randomUUID()}`;
  const userName = userInfo().username;
  const base = { conversationId, userId: `cli:${userName}`, userName };
  let pendingChoices: { field: string; values: string[] } | null = null;
  if (interactive) write(`${renderForTerminal(await advisor.handle({ ...base, text: 'help' }), true)}\nType "exit" to leave.\n`);
  const reader = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) reader.setPrompt('> ');
  if (interactive) reader.prompt();
  for await (const line of reader) {
    // The JSON protocol answers every line; a person at the terminal can leave by saying so.
    if (!json && LEAVE.test(line)) break;
    const message: UserMessage = { ...base, text: line };
    // In a terminal the choices are numbered; a bare number picks one.
    const picked = interactive && pendingChoices ? /^\s*(\d{1,2})\s*$/.exec(line) : null;
    const value = picked ? pendingChoices?.values[Number(picked[1]) - 1] : undefined;
    if (pendingChoices && value) message.choice = { field: pendingChoices.field, value };
    const reply = await advisor.handle(message);
    pendingChoices = reply.question ? { field: reply.question.field, values: reply.question.choices.map((choice) => choice.value) } : null;
    write(json ? jsonLine(reply) : `${renderForTerminal(reply, interactive)}\n`);
    if (interactive) reader.prompt();
  }
}

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command = 'chat', ...rest] = positionals;
  const text = rest.length > 0 ? rest.join(' ') : undefined;
  if (values.help || command === 'help') {
    write(USAGE);
    return 0;
  }
  if (!['chat', 'assess', 'why'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const store = command === 'chat' ? await openStore(config, logger) : (await import('../../src/store/index.js')).createMemoryStore();
  const advisor = await createAdvisor({ store, logger, knowledgeDir: config.ADVISOR_KNOWLEDGE_DIR, maxQuestions: config.ADVISOR_MAX_QUESTIONS, llm: createLanguageModel(llmSettings(config), logger) });
  try {
    if (command === 'chat') await chat(advisor, values.json === true);
    for await (const line of command === 'chat' ? [] : inputLines(text)) {
      if (command === 'assess') await assess(advisor, values.json === true, line);
      else why(advisor, values.json === true, line);
    }
  } finally {
    await store.close();
  }
  return 0;
}

const isMain = process.argv[1] !== undefined && /adapters[/\\]cli[/\\]main\.ts$|bin[/\\]advisor(\.js)?$/.test(process.argv[1]);
if (isMain) {
  // A reader that stops early (`advisor assess … | head -1`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof ConfigError ? error.message : `advisor: ${error instanceof Error ? error.message : String(error)}`}\n`);
      process.exitCode = 1;
    },
  );
}
