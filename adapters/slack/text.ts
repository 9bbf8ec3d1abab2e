/** Plain-text helpers for Slack: mrkdwn escaping, clean truncation, and reading what a user typed. */

/** A user mention such as `<@U123>`; the only markup the bot's own text may carry through escaping. */
const ESCAPED_MENTION = /&lt;@([UW][A-Z0-9]+)&gt;/g;

/**
 * Escapes text for mrkdwn. Quotes from the source documents may hold `<`, `>` or `&`, which Slack would
 * otherwise read as links or entities. User mentions are kept so "posted by <@U123>" renders as a name.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(ESCAPED_MENTION, '<@$1>');
}

/** Drops what a cut may have left broken at the end: half an entity, half a mention, half a surrogate pair. */
function repairCut(text: string): string {
  return text
    .replace(/&[a-z]{0,4}$/, '')
    .replace(/<[^>]*$/, '')
    .replace(/[\uD800-\uDBFF]$/, '');
}

/** Shortens text to at most `max` characters, at a line or word boundary where one is near, ending in "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
  const kept = boundary >= max * 0.6 ? cut.slice(0, boundary) : cut;
  return `${repairCut(kept).trimEnd()}…`;
}

/** Splits text into chunks of at most `max` characters at line boundaries; at most `maxChunks`, the last truncated. */
export function splitText(text: string, max: number, maxChunks: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = truncate(line, max);
  }
  if (current !== '') chunks.push(current);
  if (chunks.length <= maxChunks) return chunks;
  const kept = chunks.slice(0, maxChunks);
  kept[maxChunks - 1] = truncate(`${kept[maxChunks - 1] ?? ''}\n…`, max);
  return kept;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * What a user typed, from Slack's message text: the bot's own mention removed, links reduced to their
 * label or address, other mentions kept, and Slack's three escaped characters restored.
 */
export function readUserText(raw: string | undefined, botUserId: string | undefined): string {
  let text = raw ?? '';
  if (botUserId) text = text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
  text = text.replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]+))?>/g, (_match, url: string, label?: string) => label ?? url);
  text = text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
  return text.replace(/[ \t]+/g, ' ').trim();
}

/** Whether Slack text mentions the given user. */
export function mentions(raw: string | undefined, userId: string | undefined): boolean {
  return Boolean(userId && raw?.includes(`<@${userId}`));
}

/** Slack markup for a user mention; Slack shows it as the person's name. */
export function userMention(userId: string): string {
  return `<@${userId}>`;
}
