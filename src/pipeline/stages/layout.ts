/**
 * Layout: finds the headline, sub-headline, byline and trailing author bio / boilerplate in the
 * raw input and builds `doc.text` = title line, subtitle line, then the body paragraphs.
 * Everything later indexes doc.text, so this is the only stage that may change characters, and
 * it does so one-for-one (no-break and other exotic spaces become plain spaces) so that the text
 * an analyst sees and the offsets we emit always agree.
 */
import { createHash } from 'node:crypto';
import type { Doc, Span, Stage, Zone } from '../doc.js';
import { lexicon } from '../../data/lexicons.js';

/** Characters replaced one-for-one: NBSP, narrow NBSP, figure/thin/hair spaces, ideographic space. */
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
/** Zero-width characters and the BOM carry no meaning in news text; dropped before offsets exist. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function normalizeRaw(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(ZERO_WIDTH, '').replace(ODD_SPACES, ' ');
}

// Perf: the same result as /[ \t]+/g → ' ' and /\s+/g → ' ', without matching (and copying around)
// every single plain space, which these replacements leave as it is.
const SPACE_RUNS = / [ \t]+|\t[ \t]*/g;
const WHITE_RUNS = /\s{2,}|[^\S ]/g;

const BYLINE = /^\s*(?:by|author|written by|reporting by)\s*[:\-–—]?\s+(.{2,120}?)\s*$/i;

/** "Dave DeCamp" / "Jane Doe and John Roe" → names */
function splitAuthors(s: string): string[] {
  return s.replace(/\s*[|,;]\s*(?:[A-Z][A-Za-z .]+ (?:Correspondent|Reporter|Editor|Staff).*)$/, '')
    .split(/\s*(?:,|\band\b|&)\s*/).map((x) => x.trim()).filter((x) => x.length > 1 && /^[\p{Lu}]/u.test(x));
}

function looksLikeHeadline(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 200 && !/[.!?:]["”’)]?$/.test(t) || (t.length <= 120 && /\?$/.test(t));
}

function isBoilerplate(p: string, authors: string[]): string | null {
  const t = p.trim();
  for (const re of lexicon().boilerplate) if (re.test(t)) return 'boilerplate';
  // Author bio: "<Author> is a/the ... editor|reporter|correspondent ..." (often after the byline).
  for (const a of authors) {
    const first = a.split(/\s+/)[0];
    if (first && (t.startsWith(a) || t.startsWith(first + ' ')) && /\b(?:is|was)\s+(?:a|an|the)\b/.test(t.slice(0, a.length + 60))
      && /\b(?:editor|reporter|correspondent|writer|journalist|columnist|author|contributor|analyst|fellow)\b/i.test(t)) return 'author bio';
  }
  return null;
}

export const layoutStage: Stage = {
  name: 'layout',
  requires: [],
  sets: ['layout'],
  run(doc: Doc) {
    const input = doc.input;
    const raw = normalizeRaw(input.text ?? '');
    // Hard-wrapped text (blocks of several lines between blank lines) is joined per block;
    // otherwise every line is a paragraph (the usual shape of scraped news text).
    const blocks = raw.split(/\n[ \t]*\n/).filter((b) => b.trim());
    const linesPerBlock = blocks.reduce((n, b) => n + b.trim().split('\n').length, 0) / Math.max(1, blocks.length);
    const hardWrapped = blocks.length > 1 && linesPerBlock >= 1.5;
    let paras = (hardWrapped ? blocks : raw.split('\n'))
      .map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').replace(SPACE_RUNS, ' ').trim()).filter(Boolean);
    const removed: { text: string; reason: string }[] = [];
    const authors = [...(input.authors ?? [])];

    let title = input.title ? normalizeRaw(input.title).trim() : null;
    let subtitle = input.subtitle ? normalizeRaw(input.subtitle).trim() : null;
    if (title && paras[0] === title) paras.shift();
    else if (!title && paras.length > 1 && looksLikeHeadline(paras[0])) title = paras.shift()!;
    if (subtitle && paras[0] === subtitle) paras.shift();
    else if (!subtitle && title && paras.length > 1 && looksLikeHeadline(paras[0]) && paras[0].length < 250) subtitle = paras.shift()!;

    // Bylines anywhere near the start or end; everything after a closing byline is bio/boilerplate.
    const kept: string[] = [];
    let afterClosingByline = false;
    paras.forEach((p, i) => {
      const m = BYLINE.exec(p);
      if (m && p.length < 140 && (i <= 1 || i >= paras.length - 3)) {
        for (const a of splitAuthors(m[1])) if (!authors.includes(a)) authors.push(a);
        removed.push({ text: p, reason: 'byline' });
        if (i >= paras.length - 3) afterClosingByline = true;
        return;
      }
      const why = afterClosingByline ? 'after byline' : isBoilerplate(p, authors);
      if (why) { removed.push({ text: p, reason: why }); return; }
      kept.push(p);
    });

    const parts: { text: string; zone: Zone }[] = [];
    if (title) parts.push({ text: title, zone: 'title' });
    if (subtitle) parts.push({ text: subtitle, zone: 'subtitle' });
    for (const p of kept) parts.push({ text: p, zone: 'body' });

    let text = '';
    const paragraphs: (Span & { zone: Zone })[] = [];
    let titleSpan: Span | null = null;
    let subtitleSpan: Span | null = null;
    for (const p of parts) {
      if (text) text += '\n';
      const span = { start: text.length, end: text.length + p.text.length };
      text += p.text;
      paragraphs.push({ ...span, zone: p.zone });
      if (p.zone === 'title') titleSpan = span;
      if (p.zone === 'subtitle') subtitleSpan = span;
    }

    doc.text = text;
    doc.layout = { title: titleSpan, subtitle: subtitleSpan, removed, authors, paragraphs };
    doc.id = input.id ?? 'sha256:' + createHash('sha256').update(text.normalize('NFKC').replace(WHITE_RUNS, ' ')).digest('hex');
    doc.published = doc.options.published ?? input.published ?? null;
  },
};
