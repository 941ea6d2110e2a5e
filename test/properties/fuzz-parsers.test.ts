// Fuzzing every input parser (issue 6 §5): HTML extraction, feed parsing, JSONL items, byte
// decoding, loose dates, text-input checks. Each must return a value or an error item with a
// reason — never throw — and give the same answer twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractHtml, estimateNesting } from '../../src/sources/html-extract.js';
import { parseFeed, decodeXmlEntities, htmlToText } from '../../src/sources/feed-parse.js';
import { feedItems } from '../../src/sources/feed-reader.js';
import { htmlItem } from '../../src/sources/html-reader.js';
import { jsonlItem } from '../../src/sources/jsonl-reader.js';
import { decodeBytes } from '../../src/sources/text-decode.js';
import { parseDateLoose, parseWrittenDate } from '../../src/sources/date-parse.js';
import { decodeText, parsePublished } from '../../src/io/read-input.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);

const tags = ['<html>', '<body>', '<div>', '</div>', '<p>', '</p>', '<article>', '</article>', '<script>', '</script>', '<!--', '-->', '<![CDATA[', ']]>',
  '<meta property="article:published_time" content="2024-03-18">', '<time datetime="32/13/2024">', '<a href="javascript:x">', '&amp;', '&#0;', '&#xD800;', '&lol;', '&', '<', '>',
  '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":', '}</script>', 'Niger said on Monday.', '\u0000', '"', "'"];
const feedBits = ['<?xml version="1.0"?>', '<rss version="2.0">', '<channel>', '</channel>', '</rss>', '<item>', '</item>', '<title>', '</title>', '<description>', '</description>',
  '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<content type="html">', '</content>', '<pubDate>', '</pubDate>', 'Mon, 32 Foo 2024', '<!DOCTYPE x [<!ENTITY a "&b;&b;">]>', '&a;', '<link>', '</link>', 'Niger', '&amp;lt;'];
const markup = (bits: string[]) => fc.array(fc.oneof(fc.constantFrom(...bits), fc.string({ maxLength: 20 })), { maxLength: 60 }).map((xs) => xs.join(''));

/** Runs f twice: no throw, same result. */
function stable<T>(f: () => T): T {
  const a = f();
  assert.deepEqual(f(), a);
  return a;
}

test('fuzz: HTML extraction never throws and is deterministic', () => {
  fc.assert(fc.property(fc.oneof(markup(tags), fc.string({ unit: 'binary', maxLength: 200 })), (html) => {
    const r = stable(() => extractHtml(html, { url: 'https://example.org/a', published: null }));
    if (!r.ok) assert.ok(r.reason.length > 0 && !r.reason.includes('\n'));
    stable(() => estimateNesting(html));
    const item = stable(() => htmlItem(Buffer.from(html), 'fuzz.html', { url: null, published: null }));
    assert.ok(item.kind === 'article' || (item.kind === 'error' && item.reason.length > 0));
  }), { numRuns: RUNS });
});

test('fuzz: feed parsing never throws and is deterministic', () => {
  fc.assert(fc.property(fc.oneof(markup(feedBits), fc.string({ unit: 'binary', maxLength: 200 })), (xml) => {
    stable(() => parseFeed(xml, 'fuzz.xml'));
    const items = stable(() => feedItems(Buffer.from(xml), 'fuzz.xml', { published: '2024-03-18' }));
    for (const it of items) assert.ok(it.kind === 'article' || it.reason.length > 0);
    stable(() => decodeXmlEntities(xml));
    stable(() => htmlToText(xml));
  }), { numRuns: RUNS });
});

test('fuzz: JSONL items from any JSON value never throw', () => {
  fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.record({ text: fc.anything(), title: fc.anything(), url: fc.anything(), date_publish: fc.anything() })), (v) => {
    const it = stable(() => jsonlItem(v, 'fuzz.jsonl#line 1', { published: null }));
    assert.ok(it.kind === 'article' ? typeof it.input.text === 'string' : it.reason.length > 0);
  }), { numRuns: RUNS });
});

test('fuzz: byte decoding, dates and text checks never throw anything but InputError', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.constantFrom('utf-8', 'latin1', 'windows-1252', 'utf-16le', 'bogus'), { nil: null }), fc.string({ maxLength: 40 }), (bytes, charset, s) => {
    const d = stable(() => decodeBytes(bytes, charset));
    if (!d.ok) assert.ok(d.reason.length > 0);
    stable(() => parseDateLoose(s));
    stable(() => parseWrittenDate(s));
    for (const f of [() => decodeText(Buffer.from(bytes), 'fuzz'), () => parsePublished(s)]) {
      try { f(); } catch (e) { assert.equal((e as Error).name, 'InputError', (e as Error).message); }
    }
  }), { numRuns: RUNS * 3 });
});
