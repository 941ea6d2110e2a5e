/**
 * HTML page → ArticleInput: metadata first (see html-metadata.ts), then the main text with
 * @mozilla/readability on linkedom, written as one paragraph a line. Hostile pages are bounded:
 * nesting beyond MAX_HTML_DEPTH is refused before parsing, nesting beyond MAX_READABILITY_DEPTH
 * skips Readability (its cost explodes with depth) for a flat paragraph walk.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { ArticleInput } from '../pipeline/doc.js';
import { readHtmlMetadata, type DateSource, type DocLike, type El } from './html-metadata.js';
import { MAX_ARTICLE_CHARS, MAX_HTML_DEPTH, MAX_READABILITY_DEPTH } from './limits.js';

export interface HtmlExtraction {
  input: ArticleInput;
  publishedFrom: DateSource | 'fallback' | null;
  /** how the body was found: 'readability', or 'paragraphs' when the page was too deep for it */
  method: 'readability' | 'paragraphs';
  truncated: boolean;
}

export type HtmlResult = { ok: true; value: HtmlExtraction } | { ok: false; reason: string };

// Elements with optional end tags or none: they do not add to the nesting a browser builds.
const NO_NEST = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rb', 'rt', 'rp', 'tbody', 'thead', 'tfoot', 'colgroup', 'html', 'head', 'body']);

/**
 * Upper-bound estimate of element nesting from the raw markup, in one linear pass (no regex
 * backtracking): used to refuse pathological documents before the DOM is built.
 */
export function estimateNesting(html: string, flat: ReadonlySet<string> = NO_NEST): number {
  let depth = 0, max = 0;
  const n = html.length;
  let i = html.indexOf('<');
  while (i !== -1 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (end === -1) break;
      i = html.indexOf('<', end);
      continue;
    }
    const closing = c === 47; /* / */
    let j = i + (closing ? 2 : 1);
    const start = j;
    while (j < n) {
      const d = html.charCodeAt(j) | 0x20;
      if ((d >= 97 && d <= 122) || (html.charCodeAt(j) >= 48 && html.charCodeAt(j) <= 57) || html.charCodeAt(j) === 45) j++;
      else break;
    }
    if (j === start) { i = html.indexOf('<', i + 1); continue; }
    const name = html.slice(start, j).toLowerCase();
    const gt = html.indexOf('>', j);
    if (gt === -1) break;
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      if (!closing) { const close = html.toLowerCase().indexOf(`</${name}`, gt); i = close === -1 ? -1 : close; continue; }
    }
    if (!flat.has(name) && html.charCodeAt(gt - 1) !== 47) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (++depth > max) max = depth;
    }
    i = html.indexOf('<', gt);
  }
  return max;
}

/** Deepest element nesting of a DOM, walked iteratively (no recursion, no stack overflow). */
export function domDepth(root: El): number {
  let max = 0;
  const stack: [El, number][] = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    const kids = el.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i].nodeType === 1) stack.push([kids[i], d + 1]);
  }
  return max;
}

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE',
  'TABLE', 'TR', 'TD', 'TH', 'DD', 'DT', 'DL', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'NAV', 'HR', 'BR', 'ADDRESS', 'CENTER']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'FORM', 'SELECT', 'TEXTAREA', 'FIGURE', 'FIGCAPTION', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT']);

type Marker = { end: 'block'; counts: boolean } | { end: 'link' };

/**
 * The text of `root` as paragraphs, one per block element (iterative walk). Paragraphs that are
 * mostly link text ("Printer friendly version | Email this article") are navigation, not prose,
 * and are dropped. Example: `<p>One <b>two</b></p><p>Three</p>` → ["One two", "Three"].
 */
export function blockParagraphs(root: El, only?: Set<string>): string[] {
  const out: string[] = [];
  let cur = '';
  let linkChars = 0;
  let inLink = 0;
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t && !(linkChars >= 0.6 * cur.replace(/\s+/g, ' ').length && t.length < 300)) out.push(t);
    cur = ''; linkChars = 0;
  };
  // Each stack entry is a node to enter, or a marker for the end of a block or link.
  const stack: (El | Marker)[] = [root];
  let inside = only ? 0 : 1;
  while (stack.length) {
    const node = stack.pop()!;
    if ('end' in node) {
      if (node.end === 'link') inLink--;
      else { flush(); if (node.counts) inside--; }
      continue;
    }
    if (node.nodeType === 3) {
      if (inside > 0) { const t = node.textContent ?? ''; cur += t; if (inLink) linkChars += t.replace(/\s+/g, ' ').length; }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node.tagName ?? '').toUpperCase();
    if (SKIP.has(tag)) continue;
    if (BLOCK.has(tag) || (only?.has(tag) ?? false)) {
      flush();
      const counts = !!only?.has(tag);
      if (counts) inside++;
      stack.push({ end: 'block', counts });
    } else if (tag === 'A') {
      inLink++;
      stack.push({ end: 'link' });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  return out;
}

/**
 * linkedom keeps attribute names as written (`CLASS="byline"`), but HTML attribute names are
 * case-insensitive and every selector here is lower-case: fold them once, iteratively.
 */
function lowercaseAttributes(root: El): void {
  const stack: El[] = [root];
  while (stack.length) {
    const el = stack.pop()! as El & { attributes?: ArrayLike<{ name: string; value: string }>; setAttribute(n: string, v: string): void; removeAttribute(n: string): void };
    const attrs = el.attributes;
    if (attrs) {
      const upper: { name: string; value: string }[] = [];
      for (let i = 0; i < attrs.length; i++) if (/[A-Z]/.test(attrs[i].name)) upper.push({ name: attrs[i].name, value: attrs[i].value });
      for (const a of upper) { el.removeAttribute(a.name); try { el.setAttribute(a.name.toLowerCase(), a.value); } catch { /* invalid name: drop it */ } }
    }
    const kids = el.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i].nodeType === 1) stack.push(kids[i]);
  }
}

// Class/id words of page furniture that Readability's own "unlikely candidate" list misses
// (it matches "-ad-" but not "ad", and knows nothing of paywalls or newsletter boxes).
const FURNITURE = new Set(['ad', 'ads', 'advert', 'adverts', 'advertisement', 'adslot', 'dfp', 'gpt', 'sponsored', 'promo', 'newsletter',
  'paywall', 'subscribe', 'subscription', 'share', 'sharing', 'sharedaddy', 'social', 'related', 'recommended', 'recirc', 'outbrain',
  'taboola', 'cookie', 'cookies', 'consent', 'gdpr', 'didomi', 'comments', 'sidebar', 'widget', 'breadcrumb', 'breadcrumbs', 'tags',
  'most', 'trending', 'partage', 'teaser', 'signup']);
const KEEP_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/** Removes small furniture blocks (ads, share bars, promos, cookie banners) before Readability scores the page. */
function removeFurniture(doc: DocLike): void {
  const els = doc.querySelectorAll('[class], [id]');
  const doomed: El[] = [];
  for (let i = 0; i < els.length; i++) {
    const el = els[i];
    if (KEEP_TAGS.has((el.tagName ?? '').toUpperCase())) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase().split(/[\s_-]+/);
    if (!words.some((w) => FURNITURE.has(w))) continue;
    // A wrapper that holds the story (class="content has-sidebar") is not furniture.
    if ((el.textContent ?? '').length > 2500) continue;
    doomed.push(el);
  }
  for (const el of doomed) (el as El & { remove?: () => void }).remove?.();
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A description is a dek when it is not just the opening of the body (or a cut-off excerpt of it). */
function isDek(desc: string | null, paras: string[], title: string | null): boolean {
  if (!desc || desc.length < 30 || desc.length > 350) return false;
  if (/(?:\.\.\.|…)\s*$/.test(desc)) return false;
  const d = norm(desc);
  if (title && norm(title) === d) return false;
  const body = norm(paras.slice(0, 3).join(' '));
  return !body.startsWith(d.slice(0, Math.min(60, d.length))) && !body.includes(d);
}

/**
 * Extracts the article from an HTML string.
 * Example: `extractHtml(html, { url: 'https://example.com/a' })` → `{ ok: true, value: { input: { title, text, published, ... } } }`.
 */
export function extractHtml(html: string, opts: { url?: string | null; published?: string | null } = {}): HtmlResult {
  const est = estimateNesting(html);
  if (est > MAX_HTML_DEPTH) return { ok: false, reason: `HTML nests about ${est} elements deep; the limit is ${MAX_HTML_DEPTH}` };
  let document: DocLike & { body?: El | null };
  try { document = parseHTML(html).document as unknown as DocLike & { body?: El | null }; } catch (e) {
    return { ok: false, reason: `HTML could not be parsed: ${(e as Error).message.slice(0, 120)}` };
  }
  if (!document.documentElement) return { ok: false, reason: 'not an HTML document' };
  const depth = domDepth(document.documentElement);
  lowercaseAttributes(document.documentElement);
  const md = readHtmlMetadata(document, opts.url ?? null);
  if (depth <= MAX_READABILITY_DEPTH) removeFurniture(document);

  let paras: string[] = [];
  let method: HtmlExtraction['method'] = 'readability';
  let byline: string | null = null;
  if (depth <= MAX_READABILITY_DEPTH) {
    try {
      const r = new Readability<El>(document as unknown as Document, { serializer: (el) => el as unknown as El, charThreshold: 250 }).parse();
      if (r?.content) paras = blockParagraphs(r.content);
      byline = r?.byline ?? null;
    } catch { paras = []; }
  }
  if (!paras.length) {
    // Too deep for Readability, or it found nothing: keep only <p> text, which drops menus and lists.
    method = 'paragraphs';
    try {
      const fresh = parseHTML(html).document as unknown as DocLike;
      if (fresh.documentElement) paras = blockParagraphs(fresh.documentElement, new Set(['P'])).filter((p) => p.length >= 40 || /[.!?]["”’]?$/.test(p));
    } catch { paras = []; }
  }
  const title = md.title;
  const dup = new Set([title, md.subtitle, md.description].filter((x): x is string => !!x).map(norm));
  // Kickers, section labels, "By"/"Par" left behind by a byline, list headings ("Other news:").
  paras = paras.filter((p, i) => !(i < 4 && dup.has(norm(p))) && !isLabel(p));
  if (!paras.join('').trim()) return { ok: false, reason: 'no article text found in the page' };

  let truncated = false;
  let total = 0;
  const kept: string[] = [];
  for (const p of paras) {
    if (total + p.length + 1 > MAX_ARTICLE_CHARS) { truncated = true; break; }
    kept.push(p); total += p.length + 1;
  }
  if (!kept.length) return { ok: false, reason: `article text is over ${MAX_ARTICLE_CHARS} characters in one paragraph` };

  const authors = md.authors.length ? md.authors : byline ? bylineNames(byline) : [];
  const subtitle = md.subtitle ?? (isDek(md.description, kept, title) ? md.description : null);
  const published = md.published ?? opts.published ?? null;
  return {
    ok: true,
    value: {
      input: {
        text: kept.join('\n'),
        title,
        subtitle,
        published,
        url: md.canonicalUrl ?? opts.url ?? null,
        outlet: md.outlet,
        authors,
        language: md.language,
      },
      publishedFrom: md.published ? md.publishedFrom : published ? 'fallback' : null,
      method,
      truncated,
    },
  };
}

function isLabel(p: string): boolean {
  const words = p.split(/\s+/).length;
  if ((words <= 2 && !/[.!?"”»]$/.test(p)) || (p.length <= 40 && /:$/.test(p))) return true;
  // "Printer friendly version | Email this article to a friend": a row of short links.
  const segs = p.split(/\s+[|·•]\s+/);
  return segs.length >= 2 && segs.every((s) => s.split(/\s+/).length <= 7 && !/[.!?]$/.test(s));
}

function bylineNames(b: string): string[] {
  const names = b.replace(/^by\s+/i, '').split(/\s*(?:,|\band\b|&)\s*/).map((s) => s.trim()).filter((s) => /^\p{Lu}/u.test(s) && s.length < 60 && s.split(' ').length <= 5);
  return names.slice(0, 10);
}
