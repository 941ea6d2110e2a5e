/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom documents → one SourceItem per item. The XML parser
 * (fast-xml-parser) runs with entity processing OFF: DOCTYPE-declared entities are never
 * expanded (a "billion laughs" document stays a few hundred bytes), and only the five XML
 * entities and numeric references are decoded, by a linear function here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import type { SourceItem } from './source.js';
import { parseDateLoose } from './date-parse.js';
import { blockParagraphs, estimateNesting } from './html-extract.js';
import type { El } from './html-metadata.js';
import { MAX_ARTICLE_CHARS, MAX_FEED_BYTES } from './limits.js';

/** Feeds nest 4–8 levels; XHTML content a few more. Deeper documents are hostile. */
export const MAX_FEED_DEPTH = 200;
const MAX_ITEMS = 5000;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined XML entities and character references; anything else stays literal. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return XML_ENTITIES[e];
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '__cdata',
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category', 'dc:creator'].includes(name),
});

type Node = string | { [k: string]: unknown } | undefined;

/** The text of a parsed node: entity-decoded text parts plus raw CDATA parts, in order. */
function textOf(n: unknown): string {
  if (n === undefined || n === null) return '';
  if (typeof n === 'string') return decodeXmlEntities(n);
  if (typeof n === 'number' || typeof n === 'boolean') return String(n);
  if (Array.isArray(n)) return n.map(textOf).join(' ');
  if (typeof n === 'object') {
    const o = n as Record<string, unknown>;
    let s = '';
    if (o['#text'] !== undefined) s += decodeXmlEntities(String(o['#text']));
    if (o.__cdata !== undefined) s += Array.isArray(o.__cdata) ? o.__cdata.join('') : String(o.__cdata);
    // XHTML content (<content type="xhtml"><div>…</div></content>): gather nested text.
    if (!s) for (const [k, v] of Object.entries(o)) if (!k.startsWith('@_')) s += ' ' + textOf(v);
    return s.trim();
  }
  return '';
}

const attr = (n: unknown, a: string): string | null => (n && typeof n === 'object' && !Array.isArray(n) ? ((n as Record<string, unknown>)['@_' + a] as string | undefined) ?? null : null);

/** HTML (or text that may hold markup) → paragraphs, one a line. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, ' ').trim();
  try {
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    return blockParagraphs(document.body as unknown as El).join('\n');
  } catch {
    return html.replace(/<[^>]{0,2000}>/g, ' ').replace(/\s+/g, ' ').trim();
  }
}

const oneLine = (s: string) => htmlToText(s).replace(/\s+/g, ' ').trim();

function atomLink(links: unknown): string | null {
  const arr = Array.isArray(links) ? links : links ? [links] : [];
  let best: string | null = null;
  for (const l of arr) {
    if (typeof l === 'string') { best ??= l.trim(); continue; }
    const href = attr(l, 'href');
    const rel = attr(l, 'rel') ?? 'alternate';
    if (href && rel === 'alternate') return href.trim();
    if (href && !best && rel !== 'self' && rel !== 'enclosure') best = href.trim();
  }
  return best;
}

function authorsOf(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const a of [...(Array.isArray(o['dc:creator']) ? o['dc:creator'] : []), ...(Array.isArray(o.author) ? o.author : [])]) {
    const name = typeof a === 'object' && a && 'name' in (a as object) ? textOf((a as Record<string, unknown>).name) : textOf(a);
    // RSS <author> is "email (Name)".
    const m = /\(([^)]{2,80})\)\s*$/.exec(name);
    const n = (m ? m[1] : name).replace(/\s+/g, ' ').trim();
    if (n && n.length <= 80 && !/^\S+@\S+$/.test(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

export interface FeedInfo { title: string | null; format: 'rss' | 'rdf' | 'atom' }

/**
 * Parses a feed document into items; a feed-level problem is a single error item.
 * Example: `parseFeed(xml, 'feed.xml', { published: null })` → `{ feed: { title, format }, items }`.
 */
export function parseFeed(xml: string, origin: string, opts: { published?: string | null } = {}): { feed: FeedInfo | null; items: SourceItem[] } {
  const fail = (reason: string) => ({ feed: null, items: [{ kind: 'error' as const, origin, reason }] });
  if (xml.length > MAX_FEED_BYTES) return fail(`feed is ${xml.length} characters; the limit is ${MAX_FEED_BYTES}`);
  const t = xml.trimStart();
  if (!t) return fail('feed is empty');
  if (t[0] !== '<') return fail('feed is not XML');
  const depth = estimateNesting(xml, new Set());
  if (depth > MAX_FEED_DEPTH) return fail(`feed XML nests about ${depth} elements deep; the limit is ${MAX_FEED_DEPTH}`);
  let v: true | { err: { msg: string; line: number } };
  try { v = XMLValidator.validate(xml, { allowBooleanAttributes: true }); } catch (e) { return fail(`feed is not well-formed XML: ${(e as Error).message.slice(0, 120)}`); }
  if (v !== true) return fail(`feed is not well-formed XML: ${v.err.msg.slice(0, 120)} (line ${v.err.line})`);
  let doc: Record<string, unknown>;
  try { doc = parser.parse(xml) as Record<string, unknown>; } catch (e) { return fail(`feed could not be parsed: ${(e as Error).message.slice(0, 120)}`); }

  let format: FeedInfo['format'];
  let channel: Record<string, unknown>;
  let rawItems: unknown[];
  const obj = (x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
  if (doc.rss) { format = 'rss'; channel = obj(obj(doc.rss).channel); rawItems = (channel.item as unknown[]) ?? []; }
  else if (doc['rdf:RDF']) { format = 'rdf'; const r = obj(doc['rdf:RDF']); channel = obj(r.channel); rawItems = (r.item as unknown[]) ?? []; }
  else if (doc.feed) { format = 'atom'; channel = obj(doc.feed); rawItems = (channel.entry as unknown[]) ?? []; }
  else return fail('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)');

  const feedTitle = oneLine(textOf(channel.title)) || null;
  const langRaw = (textOf(channel.language) || attr(channel, 'xml:lang') || '').trim();
  const language = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(langRaw) ? langRaw.split(/[-_]/)[0].toLowerCase() : null;
  const items: SourceItem[] = [];
  rawItems.slice(0, MAX_ITEMS).forEach((raw, i) => {
    const o = obj(raw);
    const itemOrigin = `${origin}#item ${i + 1}`;
    try {
      const title = oneLine(textOf(o.title)) || null;
      const link = format === 'atom' ? atomLink(o.link) : (textOf(o.link).trim() || atomLink(o['atom:link']) || null);
      const guid = textOf(format === 'atom' ? o.id : o.guid).trim() || null;
      const full = textOf(o['content:encoded'] ?? (format === 'atom' ? o.content : undefined));
      const summary = textOf(format === 'atom' ? o.summary : o.description ?? o['dc:description']);
      const isText = format === 'atom' && attr(o.content, 'type') === 'text';
      let text = full ? (isText ? full.trim() : htmlToText(full)) : '';
      const summaryOnly = !text;
      if (!text) text = htmlToText(summary);
      if (!text.trim()) { items.push({ kind: 'error', origin: itemOrigin, reason: 'feed item has no text (no content or summary)' }); return; }
      const notes: string[] = [];
      if (summaryOnly) notes.push('summary only');
      if (text.length > MAX_ARTICLE_CHARS) { text = text.slice(0, MAX_ARTICLE_CHARS); notes.push('text truncated at the size limit'); }
      const rawDate = textOf(o.pubDate ?? o.published ?? o['dc:date'] ?? o.updated ?? o['a10:updated']).trim();
      let published = parseDateLoose(rawDate);
      if (rawDate && !published) notes.push(`date "${rawDate.slice(0, 40)}" not understood`);
      published ??= opts.published ?? null;
      const key = guid ?? link ?? 'sha1:' + createHash('sha1').update(`${title}\n${text}`).digest('hex');
      items.push({
        kind: 'article', origin: itemOrigin, key, notes,
        input: { text, title, subtitle: null, published, url: link, outlet: feedTitle, authors: authorsOf(o), language },
      });
    } catch (e) {
      items.push({ kind: 'error', origin: itemOrigin, reason: `feed item could not be read: ${(e as Error).message.slice(0, 120)}` });
    }
  });
  if (rawItems.length > MAX_ITEMS) items.push({ kind: 'error', origin, reason: `feed has ${rawItems.length} items; only the first ${MAX_ITEMS} were read` });
  return { feed: { title: feedTitle, format }, items };
}
