import type { KnowledgeDocument } from './documents.js';

export interface Passage {
  /** Stable id: `docId#section-slug`, with `~n` for the n-th chunk of a long section. */
  passageId: string;
  docId: string;
  title: string;
  /** Heading path below the title, e.g. "When to Fine-Tune vs RAG › Small Language Models". */
  section: string;
  text: string;
}

/** Passages stay short enough to quote precisely but keep whole paragraphs and list items. */
const MAX_PASSAGE_CHARS = 1800;
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

interface Section {
  headings: string[];
  blocks: string[];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'intro'
  );
}

/** Splits a Markdown body into heading-scoped blocks: paragraphs, whole lists, whole tables. */
function sectionsOf(body: string): Section[] {
  const sections: Section[] = [{ headings: [], blocks: [] }];
  const path: { level: number; text: string }[] = [];
  let block: string[] = [];
  let fenced = false;
  const current = () => sections[sections.length - 1] as Section;
  const flush = () => {
    const text = block.join('\n').trim();
    if (text) current().blocks.push(text);
    block = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1]?.length ?? 1;
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= level) path.pop();
      path.push({ level, text: heading[2] ?? '' });
      sections.push({ headings: path.map((entry) => entry.text), blocks: [] });
    } else if (!fenced && line.trim() === '') {
      flush();
    } else if (!fenced && /^\s*[-*+]\s|^\s*\d+[.)]\s|^\s*\|/.test(line) && block.length > 0 && !/^\s*[-*+]\s|^\s*\d+[.)]\s|^\s*\|/.test(block[block.length - 1] ?? '')) {
      flush();
      block.push(line);
    } else if (!fenced && /^---+\s*$/.test(line)) {
      flush();
    } else {
      block.push(line);
    }
  }
  flush();
  return sections.filter((section) => section.blocks.length > 0);
}

function groupLines(lines: string[]): string[] {
  const groups: string[] = [];
  let group = '';
  for (const line of lines) {
    if (group && group.length + line.length + 1 > MAX_PASSAGE_CHARS) {
      groups.push(group);
      group = '';
    }
    group = group ? `${group}\n${line}` : line;
  }
  if (group) groups.push(group);
  return groups.flatMap((text) => (text.length > MAX_PASSAGE_CHARS ? splitSentences(text) : [text]));
}

/** A long list or table splits between items; a long paragraph between sentences. */
function splitLongBlock(block: string): string[] {
  if (block.length <= MAX_PASSAGE_CHARS) return [block];
  const lines = block.split('\n');
  return lines.length > 1 ? groupLines(lines) : splitSentences(block);
}

function splitSentences(block: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const { segment } of SENTENCES.segment(block)) {
    if (piece && piece.length + segment.length > MAX_PASSAGE_CHARS) {
      pieces.push(piece.trim());
      piece = '';
    }
    piece += segment;
  }
  if (piece.trim()) pieces.push(piece.trim());
  return pieces;
}

function chunk(blocks: string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const block of blocks.flatMap(splitLongBlock)) {
    if (current && current.length + block.length + 2 > MAX_PASSAGE_CHARS) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${block}` : block;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** The section path shown in citations: headings below the document title. */
function sectionName(document: KnowledgeDocument, headings: string[]): string {
  const below = headings[0] === document.title || headings.length > 1 ? headings.slice(1) : headings;
  return below.join(' › ') || 'Introduction';
}

/** Ids name the innermost heading; a heading that repeats in the document is prefixed by its parent. */
function sectionSlug(headings: string[], taken: Map<string, string>, name: string): string {
  const own = slug(headings[headings.length - 1] ?? '');
  const parent = headings.length > 1 ? slug(headings[headings.length - 2] ?? '') : '';
  const owner = taken.get(own);
  if (owner === undefined || owner === name) {
    taken.set(own, name);
    return own;
  }
  return `${parent.slice(0, 30)}-${own}`;
}

export function passagesOf(document: KnowledgeDocument): Passage[] {
  const passages: Passage[] = [];
  const used = new Map<string, number>();
  const taken = new Map<string, string>();
  for (const section of sectionsOf(document.body)) {
    const name = sectionName(document, section.headings);
    const baseId = `${document.docId}#${sectionSlug(section.headings, taken, name)}`;
    for (const text of chunk(section.blocks)) {
      const count = (used.get(baseId) ?? 0) + 1;
      used.set(baseId, count);
      passages.push({ passageId: count === 1 ? baseId : `${baseId}~${count}`, docId: document.docId, title: document.title, section: name, text });
    }
  }
  return passages;
}
