/**
 * Text as quotes are compared: case, quote marks, non-breaking spaces, runs of whitespace and Markdown
 * emphasis aside (the evaluation README's rule for matching a gold quote to a passage).
 */
export function comparableText(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
