/**
 * Slack's message limits, checked independently of the renderer: what Slack would reject with
 * `invalid_blocks` (or silently cut). Returns the problems found; an empty list means valid.
 */

interface TextObject {
  type?: unknown;
  text?: unknown;
}

interface Element {
  type?: unknown;
  text?: unknown;
  action_id?: unknown;
  value?: unknown;
}

interface BlockShape {
  type?: unknown;
  text?: TextObject;
  elements?: Element[];
  block_id?: unknown;
}

const KNOWN_TYPES = new Set(['section', 'context', 'actions', 'divider', 'header']);

export function messageProblems(message: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof message.text !== 'string' || message.text.trim() === '') problems.push('missing plain text fallback');
  const blocks = message.blocks;
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return [...problems, 'blocks is not an array'];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  const actionIds: string[] = [];
  const blockIds: string[] = [];
  (blocks as BlockShape[]).forEach((block, index) => {
    problems.push(...blockProblems(block, index, actionIds));
    if (typeof block.block_id === 'string') blockIds.push(block.block_id);
  });
  const duplicates = actionIds.filter((id, index) => actionIds.indexOf(id) !== index);
  if (duplicates.length > 0) problems.push(`duplicate action_ids: ${duplicates.join(', ')}`);
  if (new Set(blockIds).size !== blockIds.length) problems.push('duplicate block_ids');
  return problems;
}

function blockProblems(block: BlockShape, index: number, actionIds: string[]): string[] {
  const at = `block ${index} (${String(block.type)})`;
  if (!KNOWN_TYPES.has(String(block.type))) return [`${at}: unexpected block type`];
  if (block.type === 'section') return sectionProblems(block, at);
  if (block.type === 'context') return contextProblems(block, at);
  if (block.type === 'actions') return actionsProblems(block, at, actionIds);
  return [];
}

function sectionProblems(block: BlockShape, at: string): string[] {
  const text = block.text?.text;
  if (typeof text !== 'string' || text.length === 0) return [`${at}: empty section text`];
  if (text.length > 3000) return [`${at}: section text ${text.length} chars (max 3000)`];
  if (block.text?.type !== 'mrkdwn' && block.text?.type !== 'plain_text') return [`${at}: bad text type`];
  return [];
}

function contextProblems(block: BlockShape, at: string): string[] {
  const elements = block.elements ?? [];
  const problems = elements.length === 0 || elements.length > 10 ? [`${at}: ${elements.length} context elements (1-10)`] : [];
  for (const element of elements) {
    if (typeof element.text !== 'string' || element.text.length === 0 || element.text.length > 3000) problems.push(`${at}: bad context element text`);
  }
  return problems;
}

function actionsProblems(block: BlockShape, at: string, actionIds: string[]): string[] {
  const elements = block.elements ?? [];
  const problems = elements.length === 0 || elements.length > 25 ? [`${at}: ${elements.length} elements (1-25)`] : [];
  for (const element of elements) {
    const label = (element.text as TextObject | undefined)?.text;
    if (element.type !== 'button') problems.push(`${at}: non-button element`);
    if (typeof label !== 'string' || label.length === 0 || label.length > 75) problems.push(`${at}: button text must be 1-75 chars`);
    if (typeof element.action_id !== 'string' || element.action_id.length > 255) problems.push(`${at}: bad action_id`);
    else actionIds.push(element.action_id);
    if (typeof element.value === 'string' && element.value.length > 2000) problems.push(`${at}: button value ${element.value.length} chars (max 2000)`);
  }
  return problems;
}
