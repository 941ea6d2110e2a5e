#!/usr/bin/env node
// Writes a CC-NEWS-like .warc.gz (one gzip member per record) of varied HTML news pages plus
// non-HTML, redirect, error and deliberately broken records, and returns the counts a reader
// must report. Deterministic (seeded), generated at test/bench time: no large binary in git.
//   node scripts/make-warc-fixture.mjs OUT.warc.gz [RECORDS]
import { createWriteStream } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

function rng(seed) { return () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; }; }

const ACTORS = ['Ethiopia', 'Eritrea', 'Somalia', 'Kenya', 'Sudan', 'Chad', 'Niger', 'Mali', 'Serbia', 'Kosovo', 'Armenia', 'Azerbaijan', 'Pakistan', 'India', 'China', 'the Philippines', 'Venezuela', 'Guyana', 'Israel', 'Lebanon', 'Iran', 'Iraq', 'Turkey', 'Syria', 'Ukraine', 'Russia', 'Poland', 'Belarus'];
const ACTS = ['accused {B} of violating the ceasefire along their shared border', 'agreed with {B} to reopen two border crossings for trade', 'expelled two diplomats from {B}, citing interference in domestic affairs', 'signed a defence cooperation pact with {B} covering training and intelligence sharing', 'recalled its ambassador from {B} for consultations', 'said troops from {B} had shelled villages near the frontier overnight', 'offered to mediate between rival factions in {B}', 'imposed sanctions on three officials from {B}', 'held talks with {B} on a prisoner exchange', 'closed its airspace to flights from {B}'];
const FOLLOW = ['The foreign ministry said in a statement that the decision followed weeks of consultations.', 'Officials in {B} did not immediately respond to a request for comment.', 'A government spokesman told reporters the move was "necessary and proportionate".', 'Analysts said the step could complicate regional diplomacy ahead of a summit next month.', 'The United Nations urged both sides to exercise restraint and return to dialogue.', 'Residents near the border reported a heavy military presence on Sunday.', 'The opposition criticised the decision, saying parliament had not been consulted.', 'Diplomats said talks would resume in Geneva after the holiday.'];
const SITES = [
  (h, body, date, outlet) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${h} | ${outlet}</title><meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${date}"><script>var ads=[1,2,3];</script></head><body><nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav><div class="cookie">We use cookies to personalise content.</div><article><h1>${h}</h1><p class="byline">By Staff Reporter</p>${body}</article><aside class="related"><h3>Related</h3><ul><li><a href="#">Markets close higher</a></li><li><a href="#">Weather warning issued</a></li></ul></aside><footer>© ${outlet}. All rights reserved.</footer></body></html>`,
  (h, body, date, outlet) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${h} - ${outlet}</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":${JSON.stringify(h)},"datePublished":"${date}","publisher":{"@type":"Organization","name":${JSON.stringify(outlet)}}}]}</script></head><body><header id="masthead"><ul class="menu"><li>Politics</li><li>Economy</li></ul></header><main><h1 class="entry-title">${h}</h1><div class="entry-content">${body}</div><div class="sharedaddy">Share this: Twitter Facebook</div></main><div id="comments"><p>Great article, thanks for sharing this with us all.</p></div><footer class="site-footer">Powered by WordPress</footer></body></html>`,
  (h, body, date, outlet) => `<html><head><title>${outlet} :: ${h}</title></head><body><table><tr><td class="leftnav"><a href="/">Front page</a><br><a href="/archive">Archive</a></td><td><h2>${h}</h2><p class="byline">Published ${new Date(date).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' })}</p>${body}<p><a href="/print">Print</a> | <a href="/mail">Email</a></p></td></tr></table></body></html>`,
  (h, body, date, outlet) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${h}</title><style>.ad{height:90px}</style></head><body><div class="ad">Advertisement</div><div class="article"><h1>${h}</h1><div class="meta"><time datetime="${date}">${date.slice(0, 10)}</time></div><div class="text">${body}</div></div><div class="newsletter">Sign up for our newsletter today.</div><div class="footer">${outlet}</div></body></html>`,
];

function article(r, i) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const A = pick(ACTORS); let B = pick(ACTORS); if (B === A) B = ACTORS[(ACTORS.indexOf(A) + 1) % ACTORS.length];
  const act = pick(ACTS).replace('{B}', B);
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  const h = `${cap(A)} ${act.split(',')[0].replace(/^said .*/, 'reports border shelling')}`.slice(0, 110);
  const paras = [`${cap(A)} ${act} on ${pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, officials said, in the latest sign of tension in the region (story ${i}).`];
  const n = 3 + Math.floor(r() * 5);
  for (let k = 0; k < n; k++) paras.push(pick(FOLLOW).replace('{B}', B) + ' ' + pick(FOLLOW).replace('{B}', B));
  const day = 1 + Math.floor(r() * 28), month = 1 + Math.floor(r() * 12);
  const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(Math.floor(r() * 24)).padStart(2, '0')}:15:00Z`;
  const outlet = pick(['Coastal Times', 'The Daily Ledger', 'Frontier Post', 'Capital Wire']);
  return SITES[i % SITES.length](h, paras.map((p) => `<p>${p}</p>`).join(''), date, outlet);
}

function warc(type, headers, body) {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = [`WARC/1.0`, `WARC-Type: ${type}`, `WARC-Record-ID: <urn:uuid:${randomUUID()}>`, `WARC-Date: 2024-03-18T10:00:00Z`, ...headers, `Content-Length: ${b.length}`].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n'), b, Buffer.from('\r\n\r\n')]);
}
const httpResp = (status, ctype, body, extra = []) => Buffer.concat([Buffer.from([`HTTP/1.1 ${status} ${status === 200 ? 'OK' : 'X'}`, `Content-Type: ${ctype}`, ...extra, ''].join('\r\n') + '\r\n'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
const resp = (url, status, ctype, body, extra) => warc('response', [`WARC-Target-URI: ${url}`, 'Content-Type: application/http; msgtype=response'], httpResp(status, ctype, body, extra));

/**
 * Writes the fixture; resolves to the expected counts { records, articles, errors, skipped }.
 * Slots 1–13 of every 40 are the awkward kinds below (non-HTML, redirects, broken records); the rest are HTML articles.
 */
export async function makeWarcFixture(path, records = 1200, { seed = 42 } = {}) {
  const r = rng(seed);
  const out = createWriteStream(path);
  const exp = { records: 0, articles: 0, errors: 0, skipped: 0 };
  const write = async (buf, kind) => { exp.records++; exp[kind]++; if (!out.write(gzipSync(buf))) await once(out, 'drain'); };
  await write(warc('warcinfo', ['Content-Type: application/warc-fields'], 'software: sitrep-fixture\r\nformat: WARC File Format 1.0\r\n'), 'skipped');
  let i = 0;
  while (exp.records < records) {
    i++;
    const url = `https://news${i % 7}.example/2024/story-${i}`;
    const slot = i % 40;
    if (slot === 1) await write(resp(url + '.jpg', 200, 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])), 'skipped');
    else if (slot === 2) await write(resp(url, 404, 'text/html', '<h1>Not found</h1>'), 'skipped');
    else if (slot === 3) await write(resp(url, 301, 'text/html', '', [`Location: ${url}/`]), 'skipped');
    else if (slot === 4) await write(resp(url, 200, 'text/html; charset=utf-8', Buffer.concat([Buffer.from('<html><body>'), Buffer.alloc(300, 0), Buffer.from('</body></html>')])), 'errors');
    else if (slot === 5) await write(resp(url, 200, 'text/html', '<html><body><nav><a href="/">Home</a></nav></body></html>'), 'errors');
    else if (slot === 6) await write(warc('response', [`WARC-Target-URI: ${url}`, 'Content-Type: application/http; msgtype=response'], 'this is not an HTTP response at all'), 'errors');
    else if (slot === 7) {
      // Garbage between records: the reader reports it once and resynchronises on the next record.
      exp.records++; exp.errors++;
      out.write(gzipSync(Buffer.from('GARBAGE BYTES BETWEEN RECORDS\r\n\r\nmore garbage\r\n')));
    }
    else if (slot === 8) await write(Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nbody bytes here\r\n\r\n`), 'errors');
    else if (slot === 9) await write(resp(url, 200, 'text/html; charset=utf-8', gzipSync(Buffer.from(article(r, i))), ['Content-Encoding: gzip']), 'articles');
    else if (slot === 10) await write(resp(url + '.pdf', 200, 'application/pdf', '%PDF-1.4 fake'), 'skipped');
    else if (slot === 11) await write(warc('metadata', [`WARC-Target-URI: ${url}`, 'Content-Type: application/warc-fields'], 'fetchTimeMs: 120\r\n'), 'skipped');
    else if (slot === 12) await write(warc('request', [`WARC-Target-URI: ${url}`, 'Content-Type: application/http; msgtype=request'], `GET /2024/story-${i} HTTP/1.1\r\nHost: news.example\r\n\r\n`), 'skipped');
    else if (slot === 13 && i % 200 === 13) await write(resp(url, 200, 'text/html', gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)), ['Content-Encoding: gzip']), 'errors');
    else await write(resp(url, 200, i % 3 ? 'text/html; charset=utf-8' : 'text/html', article(r, i)), 'articles');
  }
  out.end();
  await once(out, 'finish');
  return exp;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [path, n] = process.argv.slice(2);
  if (!path) { console.error('usage: node scripts/make-warc-fixture.mjs OUT.warc.gz [RECORDS]'); process.exit(2); }
  makeWarcFixture(path, Number(n ?? 1200)).then((e) => console.log(JSON.stringify(e)));
}
