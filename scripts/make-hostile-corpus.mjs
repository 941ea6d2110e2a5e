#!/usr/bin/env node
// Generates a corpus of hostile inputs — what the open web sends — into a directory (a new temp
// dir when none is given) and prints its path; `--manifest` prints a JSON list of the files with
// what each one attacks. Used by test/hostile/*.test.ts; run it by hand to try `sitrep ingest` on it:
//   node scripts/make-hostile-corpus.mjs /tmp/hostile && sitrep ingest /tmp/hostile --db /tmp/h.db
// Sizes are capped so the corpus stays small on disk (the largest file is the over-size text,
// just above the 5 MB input cap; the gzip bomb is ~100 KB on disk, 100 MB inflated).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const manifestOnly = args.includes('--manifest');
const dir = args.find((a) => !a.startsWith('--')) ?? mkdtempSync(join(tmpdir(), 'sitrep-hostile-'));
mkdirSync(dir, { recursive: true });

const para = 'Niger ordered US troops to leave on Saturday, the CNSP said. The Pentagon said it was seeking clarification.';
const files = [];
function put(name, data, attack) {
  writeFileSync(join(dir, name), data);
  files.push({ name, bytes: Buffer.byteLength(data), attack });
}

// --- not text at all
const png = Buffer.alloc(4096);
for (let i = 0; i < png.length; i++) png[i] = (i * 2654435761) >>> 24;
Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
put('binary.txt', png, 'binary data named .txt (NUL bytes)');
put('image.png', png, 'a file no reader knows');
put('controls.txt', 'Niger \u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010 said. '.repeat(50), 'C0 control characters (binary-looking text)');
put('invalid-utf8.txt', Buffer.concat([Buffer.from('Niger said '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xff, 0xfe]), Buffer.from(' on Monday.')]), 'invalid UTF-8 sequences');
put('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Niger ordered US troops to leave.', 'utf16le')]), 'UTF-16 text (NULs)');

// --- empty and huge
put('empty.txt', '', 'empty document');
put('whitespace.txt', ' \n\t\r\n   \u00a0\u2003\n', 'whitespace only');
put('huge.txt', (para + '\n\n').repeat(Math.ceil((5 * 1024 * 1024 + 1000) / (para.length + 2))), 'over the 5 MB input cap: refused with the size');
put('long-article.txt', (para + '\n\n').repeat(2000), 'a 220 KB article: analysis must stay linear');
put('one-token.txt', 'x'.repeat(500_000), 'one 500,000-character token');
put('one-line.txt', (para + ' ').repeat(3000), 'a 330 KB single paragraph');

// --- regular-expression backtracking bait (each a long run of one pattern)
const bait = {
  'caps.txt': 'A'.repeat(100_000),
  'caps-words.txt': 'NIGER USA CNSP ECOWAS '.repeat(10_000),
  'title-case.txt': 'The Big Red Army Of The North Said '.repeat(8_000),
  'dots.txt': '.'.repeat(100_000),
  'initials.txt': 'A. B. C. D. E. F. '.repeat(10_000),
  'col.txt': 'Col. '.repeat(10_000) + 'Smith said.',
  'quotes.txt': '"'.repeat(50_000) + '\u201c'.repeat(25_000) + '\u201d'.repeat(25_000),
  'commas.txt': ','.repeat(100_000),
  'spaces.txt': 'Niger' + ' '.repeat(200_000) + 'said.',
  'digits.txt': '1'.repeat(100_000),
  'numbers.txt': '1,000,000 '.repeat(10_000),
  'hyphens.txt': 'anti-'.repeat(20_000) + 'war',
  'apostrophes.txt': "Niger's ".repeat(20_000),
  'parens.txt': '('.repeat(50_000) + ')'.repeat(50_000),
  'newlines.txt': 'Niger said.' + '\n'.repeat(200_000) + 'The US left.',
  'said-chain.txt': 'Niger said that the US said that '.repeat(5_000) + 'troops left.',
  'and-chain.txt': 'Niger, Mali, Chad and ' .repeat(10_000) + 'Sudan met.',
  'of-chain.txt': 'the Minister of the Council of the Army of '.repeat(5_000) + 'Niger said.',
  'dollars.txt': '$$$$ over over about nearly '.repeat(10_000),
  'months.txt': 'March March March 2024 2024 '.repeat(10_000),
  'emoji.txt': '\u{1F4A5}\u200d\u{1F525}\u202e'.repeat(30_000) + ' Niger said.',
  'urls.txt': 'https://' + 'a.'.repeat(50_000) + 'com',
  'emails.txt': 'a@'.repeat(50_000),
};
for (const [name, text] of Object.entries(bait)) put(name, text, `regex bait: ${name.replace('.txt', '')}`);

// --- dates that are not dates
put('bad-dates.txt', [
  'On 32/13/2024 Niger ordered US troops to leave.',
  'The order came on February 30, 2024, the CNSP said on 2024-02-30.',
  'On 31 April 2023, at 25:61 GMT, troops moved.',
  'In the year 99999 and on 0000-00-00 nothing happened.',
  'On the 99th of Smarch the Pentagon said it had left on 13/32/2024.',
  'Between 1/1/1 and 9999-99-99 the talks ran; on 2024-13-45T99:99:99Z they ended.',
].join('\n\n'), 'impossible dates');

// --- HTML that nests 100,000 levels, and friends
put('deep-nesting.html', '<html><body>' + '<div>'.repeat(100_000) + 'Niger ordered US troops to leave.' + '</div>'.repeat(100_000) + '</body></html>', 'HTML nested 100,000 levels');
put('unclosed-nesting.html', '<html><body>' + '<span><b><i>'.repeat(40_000) + 'Niger said.', 'unclosed tags, 120,000 deep');
put('script-only.html', '<html><head><script>' + 'var a=1;'.repeat(10_000) + '</script></head><body></body></html>', 'HTML with no text');
put('attr-bomb.html', '<html><body><p ' + 'a="1" '.repeat(100_000) + '>Niger said.</p></body></html>', '100,000 attributes');

// --- XML with entity expansion (billion laughs) and other feed poison
let lol = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n';
for (let i = 1; i <= 9; i++) lol += ` <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">\n`;
lol += ']>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>\n';
put('billion-laughs.xml', lol, 'XML entity expansion (billion laughs)');
put('external-entity.rss', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><item><title>&xxe;</title><description>&xxe; Niger said.</description></item></channel></rss>\n', 'XML external entity (XXE)');
put('deep-feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel>' + '<item>'.repeat(50_000) + '</channel></rss>', 'feed nested 50,000 levels');
put('truncated-feed.rss', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Niger</title><description>Niger ordered US troops', 'truncated feed');
put('not-a-feed.xml', 'this is not XML at all <<<>>> &&&', 'feed that is not XML');

// --- gzip bombs: ~100 KB on disk, 100 MB inflated
const zeros = Buffer.alloc(100 * 1024 * 1024, 0x41);
const bomb = gzipSync(zeros, { level: 9 });
put('bomb.jsonl.gz', bomb, 'gzip bomb (100 MB of "A" in one JSONL line)');
put('bomb.warc.gz', bomb, 'gzip bomb named as a WARC file');
put('bomb.txt', gzipSync(Buffer.from(para.repeat(1000))), 'gzip data named .txt');

// --- JSONL poison
put('mixed.jsonl', [
  JSON.stringify({ title: 'Niger', text: para, url: 'https://example.org/1', date_publish: '2024-03-18' }),
  '{"title": "broken',
  JSON.stringify({ text: 42 }),
  JSON.stringify({ title: 'no text' }),
  '[1,2,3]',
  JSON.stringify({ text: para, date_publish: '32/13/2024' }),
  '\u0000\u0000',
  JSON.stringify({ text: 'x'.repeat(2_000_000) }),
].join('\n') + '\n', 'JSONL with broken, wrong-typed, dated-wrong and huge lines');

// --- a good article among them: it must be stored whatever the others do
put('good-article.txt', 'Niger orders US troops out\n\n' + para + '\n', 'a normal article (must be stored)');

if (manifestOnly) process.stdout.write(JSON.stringify({ dir, files }, null, 2) + '\n');
else process.stdout.write(dir + '\n');
