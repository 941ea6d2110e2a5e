import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { htmlReader, htmlItem } from '../../src/sources/html-reader.js';
import { extractHtml, estimateNesting } from '../../src/sources/html-extract.js';
import type { SourceItem } from '../../src/sources/source.js';

const FIX = join(PROJECT_ROOT, 'test', 'fixtures', 'html');

async function one(name: string): Promise<SourceItem> {
  const items: SourceItem[] = [];
  for await (const it of htmlReader.read(join(FIX, name), {})) items.push(it);
  assert.equal(items.length, 1);
  return items[0];
}

interface Case {
  file: string;
  title: string;
  published: string;
  from: string;
  outlet: string;
  authors: string[];
  language: string;
  body: string[]; // sentences that must come out
  absent: string[]; // page furniture that must not
  subtitle?: string | null;
  url?: string;
}

const CASES: Case[] = [
  {
    file: 'wire-meta.html', title: "Sudan's warring sides agree to 72-hour truce in El Fasher, mediators say",
    published: '2024-05-14T08:42:00+00:00', from: 'meta', outlet: 'Northwind News', authors: ['Amina Yusuf'], language: 'en',
    url: 'https://www.northwind-news.example/world/africa/sudan-truce-el-fasher-2024-05-14/',
    body: ['agreed on Tuesday to a 72-hour truce', 'The UAE denies arming either side.'],
    absent: ['cookies', 'Subscribe today', 'Refinance your home', 'Related stories', 'Famine warning', 'All rights reserved', 'Share on Facebook', 'dataLayer', 'Advertisement'],
  },
  {
    file: 'wordpress-jsonld-graph.html', title: 'Baltic states to build joint air-defence line, ministers announce',
    published: '2024-06-03T14:20:11+03:00', from: 'json-ld', outlet: 'The Eastern Ledger', authors: ['Tomas Kalnins', 'Liis Tamm'], language: 'en',
    body: ['Estonia, Latvia and Lithuania will jointly build', 'strengthen its own border defences.'],
    absent: ['Support our journalism', 'Share this', 'LinkedIn', 'About time', 'pensions', 'Leave a Reply', 'Recent Posts', 'Tallinn port strike', 'Newsletter', 'Proudly powered', 'Tagged'],
  },
  {
    file: 'regional-time.html', title: "Gunmen kill 12 in attack on village in Burkina Faso's north",
    published: '2024-02-26T17:05:00Z', from: 'time', outlet: 'Sahel Observer', authors: ['Issa Ouedraogo'], language: 'en',
    body: ['killed at least 12 civilians', 'The government rejects the accusations against its forces.'],
    absent: ['Breaking', 'Sponsored content', 'Sign up for our weekly', 'More from Security', 'Mali junta', 'Most read', 'Fuel prices', 'Advertise with us', 'adSlots', 'Tags:'],
  },
  {
    file: 'legacy-byline-date.html', title: 'Fiji and Tonga sign maritime boundary accord',
    published: '2024-03-12', from: 'byline', outlet: 'The Island Courier', authors: ['Seini Fifita'], language: '',
    body: ['Fiji and Tonga signed an agreement on Tuesday', 'asked for details on licensing.'],
    absent: ['Front page', 'Classifieds', 'Weather', 'Printer friendly', 'Other Pacific news', 'Samoa budget', 'Copyright', '1024x768'],
  },
  {
    file: 'magazine-dek.html', title: 'Inside the Red Sea shipping crisis: why insurers are walking away',
    published: '2024-01-29T06:00:00-05:00', from: 'json-ld', outlet: 'Meridian Review', authors: ['Claire Okafor'], language: 'en',
    subtitle: 'Houthi attacks have pushed war-risk premiums to levels not seen since the tanker war of the 1980s. Some underwriters have stopped quoting altogether.',
    body: ['insuring a cargo ship for a passage through the Red Sea', 'expected to be approved next month.'],
    absent: ['Skip to content', 'Newsletters', 'Gift this article', 'Example Agency', 'You have reached your limit', 'Comments (52)', 'Excellent analysis', 'Recommended', 'shadow tanker', 'Cookie settings', 'Our coverage of the war in Gaza'],
  },
  {
    file: 'liveblog-itemprop.html', title: "Le Parlement approuve l'envoi de formateurs militaires en Ukraine",
    published: '2024-04-09', from: 'meta', outlet: 'Le Quotidien du Nord', authors: ['Julien Marchand'], language: 'fr',
    url: 'https://quotidien-nord.example/international/2024/04/09/parlement-formateurs-ukraine',
    body: ['Les députés ont approuvé mardi', 'sans le reconnaître publiquement.'],
    absent: ['Avec votre accord', 'Accepter', "S'abonner", 'Partager', 'À lire aussi', 'nouvel accord de sécurité', 'Mentions légales'],
  },
];

for (const c of CASES) {
  test(`html: ${c.file} yields only the article body, with metadata (date from ${c.from})`, async () => {
    const it = await one(c.file);
    assert.equal(it.kind, 'article', it.kind === 'error' ? it.reason : '');
    if (it.kind !== 'article') return;
    const { input } = it;
    assert.equal(input.title, c.title);
    assert.equal(input.published, c.published);
    assert.ok(it.notes?.includes(`published date from ${c.from}`), `date source: ${it.notes}`);
    assert.equal(input.outlet, c.outlet);
    assert.deepEqual(input.authors, c.authors);
    assert.equal(input.language ?? '', c.language);
    if (c.url) assert.equal(input.url, c.url);
    if (c.subtitle !== undefined) assert.equal(input.subtitle, c.subtitle);
    for (const s of c.body) assert.ok(input.text.includes(s), `body should contain "${s}"`);
    for (const s of c.absent) assert.ok(!input.text.includes(s), `body should not contain "${s}":\n${input.text}`);
    assert.ok(!input.text.includes(c.title), 'the headline is input.title, not repeated in the body');
    const paras = input.text.split('\n');
    assert.ok(paras.length >= 4 && paras.every((p) => p.trim() === p && p.length > 0), 'one paragraph a line');
  });
}

test('html: a description that just repeats the opening paragraph is not a subtitle', () => {
  const body = 'Troops from Chad crossed into the border region on Monday after clashes with rebels, officials said. '.repeat(4);
  const html = `<html><head><title>Chad troops cross border</title><meta name="description" content="${body.slice(0, 120)}"></head>
  <body><article><h1>Chad troops cross border</h1><p>${body}</p><p>${body}</p></article></body></html>`;
  const r = extractHtml(html);
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.value.input.subtitle, null);
});

test('html: windows-1252 pages are decoded by their declared charset', () => {
  const head = '<html><head><meta charset="windows-1252"><title>Talks</title></head><body><article><h1>Talks resume</h1><p>';
  const sentence = 'The minister said the talks \x93would resume\x94 next week in Doha, according to the foreign ministry statement issued late on Monday. ';
  const buf = Buffer.concat([Buffer.from(head), Buffer.from(sentence.repeat(5), 'latin1'), Buffer.from('</p></article></body></html>')]);
  const it = htmlItem(buf, 'cp1252.html', {});
  assert.equal(it.kind, 'article');
  if (it.kind === 'article') assert.ok(it.input.text.includes('“would resume”'), it.input.text.slice(0, 200));
});

test('html: 100,000 nested elements are refused quickly with a clear reason, not a stack overflow', () => {
  const n = 100_000;
  const html = '<html><body>' + '<div>'.repeat(n) + '<p>deep</p>' + '</div>'.repeat(n) + '</body></html>';
  assert.ok(estimateNesting(html) >= n);
  const it = htmlItem(Buffer.from(html), 'deep.html', {});
  assert.equal(it.kind, 'error');
  if (it.kind === 'error') assert.match(it.reason, /nests about 100000 elements deep; the limit is 5000/);
});

test('html: a page nested deeper than Readability copes with falls back to its paragraphs', () => {
  const n = 1200;
  const para = '<p>Rebels attacked an army base near the northern town on Sunday, killing four soldiers, the defence ministry said in a statement.</p>';
  const html = '<html><head><title>Deep page</title></head><body>' + '<div>'.repeat(n) + para + para + '</div>'.repeat(n) + '<nav><a href="/">Home</a></nav></body></html>';
  const it = htmlItem(Buffer.from(html), 'deepish.html', {});
  assert.equal(it.kind, 'article', it.kind === 'error' ? it.reason : '');
  if (it.kind === 'article') {
    assert.ok(it.notes?.some((n) => /paragraphs only/.test(n)));
    assert.equal(it.input.text.split('\n').length, 2);
  }
});

test('html: binary, empty, invalid UTF-8 and text-less pages are clear errors', () => {
  const bad: [Buffer, RegExp][] = [
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binary/],
    [Buffer.alloc(0), /empty/],
    [Buffer.from('   \n  '), /empty/],
    [Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 ? 0xc3 : 0x28))), /not valid UTF-8/],
    [Buffer.from('<html><body><nav><a href="/">Home</a></nav></body></html>'), /no article text/],
  ];
  for (const [buf, re] of bad) {
    const it = htmlItem(buf, 'x.html', {});
    assert.equal(it.kind, 'error');
    if (it.kind === 'error') assert.match(it.reason, re);
  }
});

test('html: a missing file is an error item, not an exception', async () => {
  const items: SourceItem[] = [];
  for await (const it of htmlReader.read(join(FIX, 'no-such-page.html'), {})) items.push(it);
  assert.deepEqual(items, [{ kind: 'error', origin: join(FIX, 'no-such-page.html'), reason: 'no such file' }]);
});

test('html: the caller\'s published date is the fallback when the page has none', () => {
  const p = '<p>Protesters gathered outside the parliament building in the capital on Friday to demand early elections, witnesses said.</p>';
  const it = htmlItem(Buffer.from(`<html><body><article><h1>Protest</h1>${p}${p}${p}</article></body></html>`), 'x.html', { published: '2024-01-02' });
  assert.equal(it.kind, 'article');
  if (it.kind === 'article') { assert.equal(it.input.published, '2024-01-02'); assert.ok(it.notes?.includes('published date from fallback')); }
});
