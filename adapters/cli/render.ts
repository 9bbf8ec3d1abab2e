import type { Reply } from '../../src/dialog/messages.js';

const BOLD = /\*([^*\n]+)\*/g;

/** Renders a reply for a terminal: bold via ANSI when colour is on, numbered choices for a pending question. */
export function renderForTerminal(reply: Reply, colour: boolean): string {
  const text = reply.text.replace(BOLD, (_match, inner: string) => (colour ? `\u001b[1m${inner}\u001b[22m` : inner));
  const lines = [text];
  if (reply.question) {
    lines.push('', ...reply.question.choices.map((choice, index) => `  ${index + 1}) ${choice.label}`), `  or type your answer, or "not sure"`);
  }
  if (reply.actions.length > 0) lines.push('', `(ask "why?", "what if …?", "summary", "show profile" or "start over")`);
  return lines.join('\n');
}

/** The line protocol of `advisor chat --json` (SPEC 6). */
export function jsonLine(reply: Reply): string {
  return JSON.stringify({ text: reply.text.replace(BOLD, '$1'), question: reply.question, result: reply.result });
}
