/**
 * Property tests (fast-check) over every input parser: whatever the bytes, nothing throws, every
 * item is accounted for (one result per input unit), and output is deterministic.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { htmlItem } from '../../src/sources/html-reader.js';
import { parseFeed } from '../../src/sources/feed-parse.js';
import { jsonlItems } from '../../src/sources/jsonl-reader.js';
import { warcRecords } from '../../src/sources/warc-parse.js';
import { warcItems } from '../../src/sources/warc-reader.js';
import { parseDateLoose } from '../../src/sources/date-parse.js';
import { addressKind } from '../../src/sources/address-guard.js';
import { decodeBytes } from '../../src/sources/text-decode.js';
import { lines } from '../../src/sources/line-stream.js';
import { parsePublished } from '../../src/io/read-input.js';
import type { SourceItem } from '../../src/sources/source.js';

const wellFormed = (it: SourceItem) => it.kind === 'article' ? typeof it.input.text === 'string' && it.input.text.trim().length > 0 : /\S/.test(it.reason);

// HTML-ish documents: random tags (including unclosed, void and script), text, entities and nesting.
const htmlPiece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<article>', '</article>', '<nav>', '</nav>', '<br>', '<img src=x>', '<script>var a="</p>";</script>',
    '<style>p{}</style>', '<!-- c -->', '&amp;', '&nbsp;', '&#xD800;', '&bogus;', '<h1>', '</h1>', '<a href="#">', '</a>', '<time datetime="2024-13-45">', '<meta property="article:published_time" content="32/13/2024">',
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":[1,{"x":null}],"author":{"name":7}}</script>', '<table><tr><td>', '<![CDATA[x]]>', '<', '>', '"', '\u0000'),
  fc.string({ maxLength: 40 }),
  fc.constant('Officials said on Monday that troops had left the northern town after talks with local leaders. '),
);
const htmlDoc = fc.array(htmlPiece, { maxLength: 80 }).map((a) => a.join(''));

test('property: the HTML reader never throws and always gives an article or a reason (deterministically)', () => {
  fc.assert(fc.property(fc.oneof(htmlDoc.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 400 }).map((u) => Buffer.from(u))), (buf) => {
    const a = htmlItem(buf, 'p.html', {});
    assert.ok(wellFormed(a));
    assert.deepEqual(htmlItem(buf, 'p.html', {}), a);
  }), { numRuns: 150 });
});

const xmlText = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('&amp;', '&lol;', '<b>', ']]>', '<![CDATA[<p>x</p>]]>', '&#0;', '\u0000', '&#x1F600;'));
const feedItem = fc.record({
  title: fc.option(xmlText), link: fc.option(fc.webUrl()), desc: fc.option(xmlText), date: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()))),
});

test('property: feeds — every <item> gives exactly one result; arbitrary text never throws', () => {
  fc.assert(fc.property(fc.array(feedItem, { maxLength: 12 }), fc.boolean(), (its, atom) => {
    const esc = (s: string) => s.replace(/&(?!amp;|lol;|#\d{1,7};|#x[0-9a-fA-F]{1,6};)/g, '&amp;').replace(/</g, '&lt;').replace(/\u0000/g, '');
    const body = its.map((i) => atom
      ? `<entry>${i.title !== null ? `<title>${esc(i.title)}</title>` : ''}${i.link ? `<link href="${esc(i.link)}"/>` : ''}${i.desc !== null ? `<summary>${esc(i.desc)}</summary>` : ''}${i.date !== null ? `<updated>${esc(i.date)}</updated>` : ''}</entry>`
      : `<item>${i.title !== null ? `<title>${esc(i.title)}</title>` : ''}${i.link ? `<link>${esc(i.link)}</link>` : ''}${i.desc !== null ? `<description>${esc(i.desc)}</description>` : ''}${i.date !== null ? `<pubDate>${esc(i.date)}</pubDate>` : ''}</item>`).join('');
    const xml = atom ? `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${body}</feed>` : `<rss version="2.0"><channel><title>t</title>${body}</channel></rss>`;
    const { items } = parseFeed(xml, 'f.xml');
    assert.equal(items.length, its.length, xml);
    assert.equal(new Set(items.map((i) => i.origin)).size, its.length);
    for (const it of items) { assert.ok(wellFormed(it)); if (it.kind === 'article' && it.input.published) parsePublished(it.input.published); }
  }), { numRuns: 150 });
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
    const { items } = parseFeed(s, 'f.xml');
    assert.ok(items.every(wellFormed));
  }), { numRuns: 300 });
});

test('property: JSONL — one result per non-blank line, whatever the line holds', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.oneof(fc.json(), fc.string({ maxLength: 50 }), fc.constant(JSON.stringify({ title: 't', maintext: 'Rebels took the town.' }))), { maxLength: 20 }), fc.integer({ min: 1, max: 64 }), async (ls, chunk) => {
    const clean = ls.map((l) => l.replace(/[\r\n]/g, ' '));
    const bytes = Buffer.from(clean.join('\n'));
    async function* chunks() { for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk); }
    const out: SourceItem[] = [];
    for await (const it of jsonlItems(chunks(), 'x.jsonl', {})) out.push(it);
    assert.equal(out.length, clean.filter((l) => l.trim()).length);
    assert.ok(out.every(wellFormed));
  }), { numRuns: 150 });
});

test('property: line splitting is independent of chunk boundaries and caps long lines', async () => {
  await fc.assert(fc.asyncProperty(fc.array(fc.string({ maxLength: 30 }), { maxLength: 30 }), fc.integer({ min: 1, max: 17 }), async (ls, chunk) => {
    const text = ls.map((l) => l.replace(/\n/g, '')).join('\n');
    const bytes = Buffer.from(text);
    async function* chunks() { for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk); }
    const got: string[] = [];
    for await (const l of lines(chunks(), 20)) got.push('bytes' in l ? l.bytes.toString() : `<${l.tooLong}>`);
    const want = text === '' ? [] : text.split('\n').map((l) => (Buffer.byteLength(l) > 20 ? `<${Buffer.byteLength(l)}>` : l));
    if (text.endsWith('\n') || text === '') { /* a final empty line is not a line */ if (want.at(-1) === '') want.pop(); }
    assert.deepEqual(got.filter((g) => g !== ''), want.filter((w) => w !== ''));
  }), { numRuns: 200 });
});

test('property: WARC — records survive any chunking; arbitrary bytes never throw and always terminate', async () => {
  const rec = (body: string, i: number) => `WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:r:${i}>\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}\r\n\r\n`;
  await fc.assert(fc.asyncProperty(fc.array(fc.string({ maxLength: 60 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 50 }), async (bodies, chunk) => {
    const bytes = Buffer.from(bodies.map(rec).join(''));
    async function* chunks() { for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk); }
    const got: string[] = [];
    for await (const r of warcRecords(chunks(), 1 << 20)) { assert.equal(r.kind, 'record'); if (r.kind === 'record') got.push(r.body.toString()); }
    assert.deepEqual(got, bodies);
  }), { numRuns: 150 });
  await fc.assert(fc.asyncProperty(fc.array(fc.oneof(fc.uint8Array({ maxLength: 80 }).map((u) => Buffer.from(u)), fc.constantFrom('WARC/1.0\r\n', 'Content-Length: 5\r\n', '\r\n\r\n', 'WARC-Type: response\r\n', 'Content-Length: 99999999999\r\n').map((s) => Buffer.from(s))), { maxLength: 30 }), async (parts) => {
    const out: SourceItem[] = [];
    async function* chunks() { yield* parts; }
    for await (const it of warcItems(chunks(), 'x.warc', {})) out.push(it);
    assert.ok(out.every(wellFormed));
  }), { numRuns: 200 });
});

test('property: dates — never throw; any value returned is a real calendar date', () => {
  fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1800, max: 2300 })).map(([d, m, y]) => `${d}/${m}/${y}`),
    fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString()))), (s) => {
    const v = parseDateLoose(s);
    if (v !== null) assert.equal(parsePublished(v), v);
  }), { numRuns: 500 });
  assert.equal(parseDateLoose('32/13/2024'), null);
});

test('property: an IPv4 address and its IPv4-mapped IPv6 form are judged alike; junk never throws', () => {
  fc.assert(fc.property(fc.ipV4(), (ip) => {
    const k = addressKind(ip);
    assert.equal(addressKind(`::ffff:${ip}`), k ? `${k} (IPv4-mapped)` : null);
  }), { numRuns: 500 });
  fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 45 }), fc.ipV6()), (s) => { addressKind(s); }), { numRuns: 500 });
});

test('property: byte decoding never throws and never returns empty text as success', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.constantFrom('utf-8', 'windows-1252', 'shift_jis', 'bogus-charset', 'utf-16le')), (u, cs) => {
    const d = decodeBytes(u, cs);
    if (d.ok) assert.ok(d.text.trim().length > 0); else assert.ok(d.reason.length > 0);
  }), { numRuns: 500 });
});
