#!/usr/bin/env python3
"""Converts ../shared/knowledge-sources/*.txt into knowledge/*.md: layout only, text unchanged.

Headings are named per document (the plain text has no markup); page furniture listed in SOURCES.md is
left out. Run once when the sources change: python3 scripts/convert-sources.py
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / 'shared' / 'knowledge-sources'
OUT = ROOT / 'knowledge'

DOCS = [
    {
        'src': '000_446d1e133029b3ea.txt', 'out': '000-when-to-apply-rag-vs-fine-tuning.md',
        'meta': {'title': 'When to Apply RAG vs Fine-Tuning', 'publisher': 'blog post'},
        'h2': ['Background on LLMs and RAG', 'RAG Advantages Over Fine-tuning LLMs', 'When to Fine-Tune vs RAG for Different Model Sizes',
               'Using RAG and Fine-tuning for Pre-trained Models', 'Examples of Applying RAG and Fine-Tuning',
               'Key Practical Considerations for RAG and Fine-Tuning', 'Key Recommendations'],
        'h3': ['Large Language Models', 'Medium Language Models', 'Small Language Models', 'RAG for Pre-Trained Models',
               'Fine-tuning Pre-Trained Models', 'Investment Management and Advice', 'Insurance Claim Processing',
               'Customer Service Chatbots', 'Anti-Money Laundering Text Analysis', 'Client Profile Keyword Extraction'],
        'drop_from': 'Leave a Reply', 'drop': [],
    },
    {
        'src': '001_dffbb63a480d21b7.txt', 'out': '001-rag-vs-fine-tuning-which-to-pick.md',
        'meta': {'title': 'Retrieval-Augmented Generation vs Fine-Tuning: Which to pick?', 'publisher': 'Heliosz'},
        'h2': ['Understanding the Basics: What Are RAG and Fine-Tuning?', 'Key Differences Between RAG and Fine-Tuning',
               'When to Choose Fine-Tuning?', 'When to Choose Retrieval-Augmented Generation (RAG)', 'Real-World Examples and Use Cases',
               'Conclusion: Which Should You Pick?'],
        'h3': ['Fine-Tuning', 'Retrieval-Augmented Generation (RAG)', 'a) Approach to Knowledge', 'b) Performance on Task-Specific Information',
               'c) Flexibility and Generalization', 'd) Model Size and Scalability', 'a) Fine-Tuning Example', 'b) RAG Example'],
        'drop': ['RAG vs Fine Tuning', 'Read Also: Fine-tuning vs Prompt Engineering: How to Optimize Your AI Models for Any Task'],
        'drop_between': ('Heliosz – Your Trusted Partner in AI Technologies', 'Conclusion: Which Should You Pick?'),
    },
    {
        'src': '003_8fb84103a98182b9.txt', 'out': '003-rag-and-fine-tuning-which-tool-boosts-llm-applications.md',
        'meta': {'title': 'RAG and Fine-Tuning: Which Tool Boosts LLM Applications Better?', 'author': 'Umar Majeed', 'role': 'Chief Technology Officer'},
        'h2': ['What is RAG?', 'What is Fine-tuning?', 'Why choosing the right technique b/w RAG and Fine-tuning is crucial?',
               'Key Considerations for Improving LLM Performance', 'RAG and Fine-tuning: Recap & Additional Considerations',
               'The Verdict for RAG and Fine-tuning', 'Popular Use Cases of RAG and Fine-tuning',
               'Additional Considerations While Choosing b/w RAG and Fine-tuning', 'Concluding Thoughts'],
        'h3': ['Impaired Model Performance', 'Increased Cost', 'Prolonged Development', 'Deployment Delays', 'Interpretability Challenges',
               'Production Hurdles', 'External Data Access Requirements', 'Need for Model Behavior Modification, Writing Style, or Domain-Specific Knowledge',
               'Suppressing Hallucinations: Why Is It Important?', 'Availability of Labeled Training Data',
               'Is the Data Static or Dynamic, and Why Does it Matter?', 'How Important is Model Transparency for Your LLM Application?',
               'Use Case 1: Chatbots for Customer Support', 'Use Case 2: Legal Document Analysis',
               'Use Case 3: Content Recommendation System for Media Streaming'],
        'numbered_headings': True,
        'drop': ['Umar Majeed', 'Chief Technology Officer', 'RAG and Fine-tuning', 'Table of Contents', 'RAG and Fine-tuning: How does RAG work?',
                 'RAG and Fine-tuning: How does Fine-tuning work?', 'RAG vs. Fine-tuning'],
        'drop_prefix': ['A tech builder, mastering engineering processes', 'Outsourcing your IT activities starts with'],
    },
    {
        'src': '004_856dcd5731c25a39.txt', 'out': '004-when-to-use-fine-tuning-and-when-to-use-rag.md',
        'meta': {'title': 'When to use fine-tuning and when to use Retrieval-Augmented Generation (RAG)', 'author': 'Mattias Skarin', 'date': '2025-03-12'},
        'h2': ['Use fine-tuning when', 'Use RAG when', 'How RAG Works', 'How fine-tuning works', 'RAG Frameworks', 'Summary'],
        'h3': ['How does RAG work?'],
        'drop': ['Written by', 'Mattias Skarin', 'Published on', '2025-03-12', 'BlogAI'],
    },
]

BULLET = re.compile(r'^[\s\u00a0]*(?:•|-)[\s\u00a0]+')
NUMBERED = re.compile(r'^[\s\u00a0]*(\d+)\.[\s\u00a0]+')


def front_matter(meta):
    lines = ['---'] + [f'{key}: "{value}"' for key, value in meta.items()] + ['---', '']
    return '\n'.join(lines)


def convert(doc):
    raw = (SOURCES / doc['src']).read_text(encoding='utf8').split('\n')
    title = doc['meta']['title']
    out = [f"# {title}", '']
    skipping = False
    between = doc.get('drop_between')
    in_use_cases = False
    for index, line in enumerate(raw):
        text = line.strip().strip('\u00a0').strip()
        if index == 0:
            continue  # the title line
        if doc.get('drop_from') and text == doc['drop_from']:
            break
        if between and text == between[0]:
            skipping = True
        if between and text == between[1]:
            skipping = False
        if skipping or text in doc.get('drop', []) or any(text.startswith(p) for p in doc.get('drop_prefix', [])):
            continue
        if text == '':
            if out and out[-1] != '':
                out.append('')
            continue
        if text in doc.get('h2', []):
            in_use_cases = text in ('Popular Use Cases of RAG and Fine-tuning', 'Additional Considerations While Choosing b/w RAG and Fine-tuning')
            out += ['', f'## {text}', '']
            continue
        if text in doc.get('h3', []):
            out += ['', f'### {text}', '']
            continue
        number = NUMBERED.match(line)
        if doc.get('numbered_headings') and in_use_cases and number and len(text) < 70 and not text.endswith('.'):
            level = '####' if text[len(number.group(0).strip()):].strip().endswith('?') or 'Use Case' in ''.join(out[-40:]) and out_has_use_case(out) else '###'
            out += ['', f'{level} {text}', '']
            continue
        if BULLET.match(line):
            out.append('- ' + BULLET.sub('', line).rstrip())
            continue
        if number:
            out.append(f"{number.group(1)}. " + NUMBERED.sub('', line).rstrip())
            continue
        out.append(line.strip())
    body = re.sub(r'\n{3,}', '\n\n', '\n'.join(out)).strip() + '\n'
    return front_matter(doc['meta']) + '\n' + body


def out_has_use_case(out):
    for line in reversed(out):
        if line.startswith('## '):
            return 'Popular Use Cases' in line
    return False


def convert_002():
    raw = (SOURCES / '002_27d5980e0b603fde.txt').read_text(encoding='utf8')
    body = re.sub(r'^---\n.*?\n---\n', '', raw, flags=re.S).strip()
    meta = {'title': 'RAG vs Fine-tuning: Choosing the Right Approach for LLM Applications', 'publisher': 'personal blog', 'date': '2024-11-05'}
    return front_matter(meta) + '\n' + f"# {meta['title']}\n\n" + body + '\n'


def main():
    OUT.mkdir(exist_ok=True)
    for doc in DOCS:
        (OUT / doc['out']).write_text(convert(doc), encoding='utf8')
    (OUT / '002-rag-vs-fine-tuning-choosing-the-right-approach.md').write_text(convert_002(), encoding='utf8')


main()
