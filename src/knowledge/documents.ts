import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Front matter of a knowledge document; title is required, the rest is shown when present. */
const FrontMatterSchema = z
  .object({
    title: z.string().min(1),
    author: z.string().optional(),
    role: z.string().optional(),
    publisher: z.string().optional(),
    date: z.union([z.string(), z.date()]).optional(),
    source: z.string().optional(),
  })
  .loose();

export interface KnowledgeDocument {
  /** Stable id: the file name without `.md`. */
  docId: string;
  title: string;
  author?: string;
  publisher?: string;
  date?: string;
  /** Markdown body without front matter. */
  body: string;
}

export class KnowledgeError extends Error {}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function fallbackTitle(body: string, docId: string): string {
  return /^#\s+(.+)$/m.exec(body)?.[1]?.trim() ?? docId;
}

export function parseDocument(docId: string, markdown: string): KnowledgeDocument {
  const match = FRONT_MATTER.exec(markdown);
  const body = match ? markdown.slice(match[0].length) : markdown;
  const raw: unknown = match ? parseYaml(match[1] ?? '') : {};
  const parsed = FrontMatterSchema.safeParse({ title: fallbackTitle(body, docId), ...(raw && typeof raw === 'object' ? raw : {}) });
  if (!parsed.success) throw new KnowledgeError(`${docId}.md: invalid front matter (${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')})`);
  const { title, author, publisher, date } = parsed.data;
  const dateText = date instanceof Date ? date.toISOString().slice(0, 10) : date;
  return { docId, title, body, ...(author ? { author } : {}), ...(publisher ? { publisher } : {}), ...(dateText ? { date: dateText } : {}) };
}

/** Every `.md` file in the folder, sorted by name so ids and ranking ties are stable. */
export function loadDocuments(directory: string): KnowledgeDocument[] {
  const files = readdirSync(directory)
    .filter((name) => name.toLowerCase().endsWith('.md') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md')
    .sort();
  return files.map((name) => parseDocument(basename(name, '.md'), readFileSync(join(directory, name), 'utf8')));
}
