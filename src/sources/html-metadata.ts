/**
 * Article metadata read from the page before Readability mutates the DOM: headline, dek,
 * authors, outlet, canonical URL, language and publication date. Each date source is tried in
 * order of reliability (article:published_time meta → JSON-LD Article → <time datetime> → the
 * byline text) and the winner is recorded, so a wrong date can be traced to its source.
 */
import { parseDateLoose, parseWrittenDate } from './date-parse.js';

export type DateSource = 'meta' | 'json-ld' | 'time' | 'byline';

export interface HtmlMetadata {
  title: string | null;
  subtitle: string | null;
  description: string | null;
  authors: string[];
  outlet: string | null;
  canonicalUrl: string | null;
  language: string | null;
  published: string | null;
  publishedFrom: DateSource | null;
  modified: string | null;
}

/* linkedom's DOM is structurally the browser DOM; we type just what we touch. */
export interface El {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
}
export interface DocLike {
  documentElement: El | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function meta(doc: DocLike, ...keys: string[]): string | null {
  for (const k of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${k}"]`);
      const v = clean(el?.getAttribute('content'));
      if (v) return v;
    }
  }
  return null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle)$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every object in the page's JSON-LD blocks (flattening arrays and @graph), bounded in size and depth. */
export function jsonLdObjects(doc: DocLike): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < 20; i++) {
    const raw = scripts[i].textContent ?? '';
    if (raw.length > 1_000_000) continue;
    let data: Json;
    // Sites leave trailing commas and raw newlines in strings; one lenient retry is enough.
    try { data = JSON.parse(raw); } catch {
      try { data = JSON.parse(raw.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')); } catch { continue; }
    }
    const stack: { v: Json; depth: number }[] = [{ v: data, depth: 0 }];
    while (stack.length && out.length < 200) {
      const { v, depth } = stack.pop()!;
      if (depth > 6 || v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) { for (let j = v.length - 1; j >= 0; j--) stack.push({ v: v[j], depth: depth + 1 }); continue; }
      out.push(v);
      if (Array.isArray(v['@graph'])) for (let j = v['@graph'].length - 1; j >= 0; j--) stack.push({ v: v['@graph'][j], depth: depth + 1 });
      if (v.mainEntity && typeof v.mainEntity === 'object') stack.push({ v: v.mainEntity, depth: depth + 1 });
    }
  }
  return out;
}

function types(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function jsonName(v: Json | undefined): string[] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'string') return [clean(v)];
  if (Array.isArray(v)) return v.flatMap(jsonName);
  if (typeof v === 'object' && typeof v.name === 'string') return [clean(v.name)];
  return [];
}

const NAME_STOP = /^(?:by|and|staff|editor|reporter|correspondent|updated|published|posted|share|follow|more)$/i;

/**
 * "By Jane Doe and John Roe, Reuters | Updated March 18" → ["Jane Doe", "John Roe"].
 * Keeps capitalised names of 2–5 words; a lone single word ("Reuters") only when nothing else is found.
 */
export function splitAuthorNames(s: string): string[] {
  const t = clean(s).replace(/^(?:written\s+)?by[:\s]+/i, '')
    .split(/\s*(?:[|•·]|\s[-–—]\s|\b(?:published|updated|posted)\b|\d)/i)[0] ?? '';
  const parts = t.split(/\s*(?:,|;|\band\b|&)\s*/i).map((x) => x.replace(/^by\s+/i, '').trim()).filter(Boolean);
  const names = parts.filter((p) => p.length <= 60 && /^\p{Lu}/u.test(p) && !NAME_STOP.test(p)
    && p.split(/\s+/).length <= 5 && p.split(/\s+/).every((w) => /^[\p{Lu}][\p{L}'’.-]*$|^(?:de|van|von|da|al|el|bin|ibn|la|le|du|der|den)$/u.test(w)));
  const multi = names.filter((n) => n.includes(' '));
  return multi.length ? multi : names.slice(0, 1);
}

/** "Niger orders US troops out | World News | Example Times" → "Niger orders US troops out" */
export function stripSiteSuffix(title: string, outlet: string | null): string {
  const t = clean(title);
  const parts = t.split(/\s+(?:\||[-–—]|::|»|·)\s+/);
  if (parts.length < 2) return t;
  if (outlet) {
    const o = outlet.toLowerCase();
    const kept = parts.filter((p) => p.toLowerCase() !== o && !o.includes(p.toLowerCase()) && !p.toLowerCase().includes(o));
    if (kept.length && kept.length < parts.length) return kept.reduce((a, b) => (b.length > a.length ? b : a));
  }
  // Without a known outlet, the headline is the longest part (site and section names are short).
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return longest.split(/\s+/).length >= 3 ? longest : t;
}

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try { return new URL(href, base ?? undefined).href; } catch { return null; }
}

const BYLINE_SEL = '[class*="byline"], [class*="Byline"], [class*="author"], [rel="author"], [itemprop="author"], [class*="dateline"], [class*="timestamp"], [class*="publish"], [class*="posted"], [class*="article-date"], [class*="meta-date"]';

/** Reads the metadata; `baseUrl` resolves a relative canonical link. */
export function readHtmlMetadata(doc: DocLike, baseUrl: string | null = null): HtmlMetadata {
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t))) ?? null;
  const pub = ld.find((o) => o.publisher && typeof o.publisher === 'object')?.publisher as Record<string, Json> | undefined;

  let outlet = meta(doc, 'og:site_name', 'application-name', 'publisher')
    ?? jsonName(article?.publisher ?? pub ?? null)[0]
    ?? (ld.find((o) => types(o).includes('Organization') || types(o).includes('NewsMediaOrganization'))?.name as string | undefined) ?? null;

  const h1 = clean(doc.querySelector('article h1, main h1, h1')?.textContent);
  const titleTag = clean(doc.querySelector('title')?.textContent);
  // Headline: og:title and JSON-LD are written for sharing and rarely carry the site suffix.
  const candidates = [meta(doc, 'og:title', 'twitter:title'), typeof article?.headline === 'string' ? clean(article.headline) : null, h1 || null, titleTag || null];
  let title: string | null = null;
  for (const c of candidates) if (c) { title = stripSiteSuffix(c, outlet); break; }
  if (title && title.length > 300) title = title.slice(0, 300);
  // "<headline> - Sahel Observer" / "The Island Courier :: <headline>": the rest is the outlet.
  if (!outlet && title && titleTag.length > title.length && titleTag.includes(title)) {
    const rest = titleTag.replace(title, '').replace(/^\s*(?:\||[-–—]|::|»|·)\s*|\s*(?:\||[-–—]|::|»|·)\s*$/g, '').trim();
    if (rest && rest.length <= 60 && rest.split(/\s+/).length <= 6) outlet = rest;
  }

  const description = meta(doc, 'description', 'og:description', 'twitter:description') ?? (typeof article?.description === 'string' ? clean(article.description) : null);
  const dekEl = doc.querySelector('[class*="dek"], [class*="standfirst"], [class*="subtitle"], [class*="subhead"], [class*="sub-head"], [itemprop="alternativeHeadline"], [class*="article-summary"], [class*="lede-summary"]');
  const dek = clean(dekEl?.textContent) || null;

  const authors: string[] = [];
  const addAuthors = (names: string[]) => { for (const n of names) if (n && n.length <= 80 && !/^https?:/i.test(n) && !authors.includes(n)) authors.push(n); };
  addAuthors(jsonName(article?.author ?? null).flatMap((n) => (n.includes(',') || /\band\b/.test(n) ? splitAuthorNames(n) : [n])));
  if (!authors.length) {
    const m = meta(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'byl', 'dc.creator');
    if (m) addAuthors(splitAuthorNames(m));
  }
  const bylines = doc.querySelectorAll(BYLINE_SEL);
  const bylineTexts: string[] = [];
  for (let i = 0; i < bylines.length && i < 30; i++) {
    const t = clean(bylines[i].textContent);
    if (t && t.length <= 250) bylineTexts.push(t);
  }
  if (!authors.length) {
    for (const a of Array.from(doc.querySelectorAll('a[rel="author"], [itemprop="author"] [itemprop="name"]')).slice(0, 10)) addAuthors(splitAuthorNames(a.textContent ?? ''));
  }
  if (!authors.length) for (const t of bylineTexts) if (/^by\b/i.test(t)) { addAuthors(splitAuthorNames(t)); if (authors.length) break; }

  // Publication date, most reliable source first.
  let published: string | null = null;
  let publishedFrom: DateSource | null = null;
  const metaDate = meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date',
    'parsely-pub-date', 'sailthru.date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'date');
  if ((published = parseDateLoose(metaDate))) publishedFrom = 'meta';
  if (!published) {
    for (const o of ld) {
      if (!types(o).some((t) => ARTICLE_TYPES.test(t) || t === 'WebPage')) continue;
      if ((published = parseDateLoose(typeof o.datePublished === 'string' ? o.datePublished : typeof o.dateCreated === 'string' ? o.dateCreated : null))) { publishedFrom = 'json-ld'; break; }
    }
  }
  if (!published) {
    const times = Array.from(doc.querySelectorAll('time[datetime]')).slice(0, 50);
    // A <time pubdate> or one inside the article header/byline beats the first one on the page
    // (which may belong to a "latest news" widget).
    const pref = times.find((t) => t.getAttribute('pubdate') !== null || t.getAttribute('itemprop') === 'datePublished')
      ?? times.find((t) => /publish|posted|byline|dateline|article|story/i.test(`${t.getAttribute('class') ?? ''}`)) ?? times[0];
    const ordered = pref ? [pref, ...times.filter((t) => t !== pref)] : times;
    for (const t of ordered) {
      if ((published = parseDateLoose(t.getAttribute('datetime')) ?? parseWrittenDate(clean(t.textContent)))) { publishedFrom = 'time'; break; }
    }
  }
  if (!published) {
    for (const t of bylineTexts) {
      if (/\bupdated\b/i.test(t) && !/\b(?:published|posted)\b/i.test(t)) continue;
      if ((published = parseWrittenDate(t.replace(/^.*?\b(?:published|posted)\b:?/i, '')))) { publishedFrom = 'byline'; break; }
    }
  }
  const modified = parseDateLoose(meta(doc, 'article:modified_time', 'og:updated_time', 'dateModified')) ?? parseDateLoose(typeof article?.dateModified === 'string' ? article.dateModified : null);

  // A relative canonical link needs the page's own URL; og:url is absolute by definition.
  const canonicalUrl = resolveUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null, baseUrl) ?? resolveUrl(meta(doc, 'og:url'), baseUrl);
  const langRaw = clean(doc.documentElement?.getAttribute('lang')) || meta(doc, 'og:locale', 'content-language', 'language') || (typeof article?.inLanguage === 'string' ? article.inLanguage : '');
  const language = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(langRaw) ? langRaw.replace('_', '-').split('-')[0].toLowerCase() : null;

  const subtitle = dek && dek.length >= 20 && dek.length <= 400 && dek !== title ? dek : null;
  return { title, subtitle, description, authors: authors.slice(0, 10), outlet, canonicalUrl, language, published, publishedFrom, modified };
}
