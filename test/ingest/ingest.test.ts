import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ingest, summaryText, type IngestProgress } from '../../src/ingest/ingest.js';
import { openStore } from '../../src/store/open-store.js';
import { expandLocator, globToRegExp, dateFromFileName, textReader } from '../../src/sources/text-source.js';
import { registerReader, READERS } from '../../src/ingest/readers.js';
import { progressLine } from '../../src/ingest/progress-bar.js';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { sampleRecord, secondRecord, wireRecord } from '../kb/niger-fixtures.js';
import type { AnalysisRecord } from '../../src/contract/analysis-schema.js';
import type { SourceReader } from '../../src/sources/source.js';

const BIN = join(PROJECT_ROOT, 'bin', 'sitrep.js');
const sitrep = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 120000 });

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
  mkdirSync(join(dir, 'news', 'sahel'), { recursive: true });
  writeFileSync(join(dir, 'news', 'sahel', 'a-2024-03-18.txt'), readFileSync(join(PROJECT_ROOT, 'examples', 'niger-us-forces-2024-03-18.txt')));
  writeFileSync(join(dir, 'news', 'b.txt'), 'Chad expels French ambassador\n\nChad expelled the French ambassador on Wednesday, the foreign ministry said.\n');
  writeFileSync(join(dir, 'news', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'news', 'empty.txt'), '   \n');
  writeFileSync(join(dir, 'news', 'latin1.txt'), Buffer.from('Caf\xe9 au lait in N\xeemes', 'latin1'));
  writeFileSync(join(dir, 'news', 'scan.pdf'), '%PDF-1.4');
  writeFileSync(join(dir, 'news', '.hidden.txt'), 'never read');
  return dir;
}

test('text source: directories, globs and dates in file names', async () => {
  const dir = corpus();
  try {
    const all = await expandLocator(join(dir, 'news'));
    assert.equal(all.length, 6, 'hidden files are skipped');
    const txt = await expandLocator(join(dir, 'news', '**', '*.txt'));
    assert.deepEqual(txt.map((f) => f.slice(dir.length)), ['/news/b.txt', '/news/binary.txt', '/news/empty.txt', '/news/latin1.txt', '/news/sahel/a-2024-03-18.txt']);
    assert.deepEqual((await expandLocator(join(dir, 'news', 's*', '*.txt'))).length, 1);
    await assert.rejects(expandLocator(join(dir, 'news', '*.docx')), /no files match/);
    await assert.rejects(expandLocator(join(dir, 'nowhere')), /no such file/);
    assert.ok(globToRegExp('**/*.txt').test('a/b/c.txt'));
    assert.ok(globToRegExp('*.txt').test('c.txt') && !globToRegExp('*.txt').test('a/c.txt'));
    assert.ok(globToRegExp('file[0-9].md').test('file7.md'));
    assert.equal(dateFromFileName('niger-us-forces-2024-03-18.txt'), '2024-03-18');
    assert.equal(dateFromFileName('report-2024-02-30.txt'), null);
    assert.equal(dateFromFileName('notes.txt'), null);
    assert.ok(textReader.accepts('x.txt') && textReader.accepts('README') && !textReader.accepts('x.html') && !textReader.accepts('https://x.example/a.txt'));
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('ingest: bad items are reported with their reason and skipped; good ones are stored; a re-run changes nothing', async () => {
  const dir = corpus();
  const store = await openStore(join(dir, 'kb.db'));
  try {
    let analysed = 0;
    const progress: IngestProgress[] = [];
    const s = await ingest(store, [join(dir, 'news'), join(dir, 'missing.txt')], {
      analyze: async (input, o) => { analysed++; const { analyze } = await import('../../src/pipeline/index.js'); return analyze(input, o); },
      onProgress: (p) => progress.push(p),
    });
    assert.equal(s.new, 2);
    assert.equal(s.failed, 5);
    const reasons = Object.fromEntries(s.failures.map((f) => [f.origin.slice(dir.length), f.reason]));
    assert.match(reasons['/news/binary.txt'], /binary/);
    assert.match(reasons['/news/empty.txt'], /empty/);
    assert.match(reasons['/news/latin1.txt'], /not valid UTF-8/);
    assert.match(reasons['/news/scan.pdf'], /no reader/);
    assert.match(reasons['/missing.txt'], /no such file/);
    assert.equal(progress[progress.length - 1].done, 7, 'every item is accounted for');
    assert.ok(progress.every((p, i) => i === 0 || p.done >= progress[i - 1].done));
    const a = await store.articles({ withTotal: true });
    assert.equal(a.total, 2);
    assert.ok(a.items.some((x) => x.published === '2024-03-18'), 'the date in the file name became the publication date');
    assert.match(summaryText(s), /2 new, 0 replaced, 0 unchanged/);
    assert.match(summaryText(s), /binary\.txt: .*binary/);

    const before = await store.stats();
    const n = analysed;
    const again = await ingest(store, [join(dir, 'news')], { analyze: async (i, o) => { analysed++; const { analyze } = await import('../../src/pipeline/index.js'); return analyze(i, o); } });
    assert.equal(again.unchanged, 2);
    assert.equal(again.new, 0);
    assert.equal(analysed, n, 'unchanged sources are not analysed again');
    assert.deepEqual(await store.stats(), before);
    const forced = await ingest(store, [join(dir, 'news')], { force: true });
    assert.equal(forced.unchanged, 2, 'forced re-analysis of the same text stores nothing new');
    assert.deepEqual(await store.stats(), before);
  } finally { await store.close(); rmSync(dir, { recursive: true, force: true }); }
});

test('ingest: an analyzer crash on one item is that item\'s failure, the run goes on', async () => {
  const dir = corpus();
  const store = await openStore(join(dir, 'kb.db'));
  try {
    const { analyze } = await import('../../src/pipeline/index.js');
    const s = await ingest(store, [join(dir, 'news', 'b.txt'), join(dir, 'news', 'sahel')], {
      analyze: (input, o) => { if (input.text.startsWith('Chad')) throw new RangeError('boom'); return analyze(input, o); },
    });
    assert.equal(s.new, 1);
    assert.equal(s.failures.length, 1);
    assert.match(s.failures[0].reason, /the analyzer failed: boom/);
  } finally { await store.close(); rmSync(dir, { recursive: true, force: true }); }
});

test('ingest: readers plug into the registry (a new input kind needs no change to the loop)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-reader-'));
  const store = await openStore(join(dir, 'kb.db'));
  const fake: SourceReader = {
    name: 'test-feed',
    accepts: (loc) => loc.startsWith('testfeed://'),
    async *read(loc) {
      yield { kind: 'article', origin: loc + '#1', input: { text: 'Chad expels French ambassador\n\nChad expelled the French ambassador.', url: 'https://feed.example/1', published: '2024-05-01' } };
      yield { kind: 'error', origin: loc + '#2', reason: 'item has no text' };
    },
  };
  registerReader(fake);
  try {
    assert.equal(READERS[0].name, 'test-feed');
    const s = await ingest(store, ['testfeed://x']);
    assert.equal(s.new, 1);
    assert.deepEqual(s.failures, [{ origin: 'testfeed://x#2', reason: 'item has no text' }]);
    assert.equal((await store.article('https://feed.example/1'))?.published, '2024-05-01');
    const none = await ingest(store, ['gopher://x']);
    assert.match(none.failures[0].reason, /no reader for URLs/);
  } finally {
    READERS.splice(READERS.indexOf(fake), 1);
    await store.close(); rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: export jsonl, re-import with --format records, same knowledge base; other formats; exit codes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  try {
    const recs = [sampleRecord(), secondRecord(), wireRecord()] as AnalysisRecord[];
    writeFileSync(join(dir, 'in.jsonl'), recs.map((r) => JSON.stringify(r)).join('\n') + '\n{"not": "a record"}\nnot json\n');
    const a = join(dir, 'a.db'), b = join(dir, 'b.db');
    let r = sitrep(['ingest', '--format', 'records', join(dir, 'in.jsonl'), '--db', a]);
    assert.equal(r.status, 1, 'two bad lines: exit 1 with a summary');
    assert.match(r.stdout, /3 new/);
    assert.match(r.stdout, /in\.jsonl#line 4: not a sitrep\.analysis\/1 record/);
    assert.match(r.stdout, /in\.jsonl#line 5: not valid JSON/);
    r = sitrep(['export', '--format', 'jsonl', '--db', a, '--out', join(dir, 'x.jsonl')]);
    assert.equal(r.status, 0, r.stderr);
    r = sitrep(['ingest', '--format', 'records', join(dir, 'x.jsonl'), '--db', b]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const pa = sitrep(['export', '--format', 'plover', '--db', a]).stdout;
    const pb = sitrep(['export', '--format', 'plover', '--db', b]).stdout;
    assert.ok(pa.length > 100);
    assert.equal(pa, pb, 'the re-imported store exports the same PLOVER events');
    assert.match(sitrep(['export', '--format', 'csv', '--db', b]).stdout, /^id,date,date_lo/);
    assert.match(sitrep(['export', '--format', 'gdelt', '--db', b]).stdout, /^GLOBALEVENTID\tSQLDATE/);
    assert.equal(JSON.parse(sitrep(['export', '--format', 'geojson', '--db', b]).stdout).type, 'FeatureCollection');

    const ev = sitrep(['events', '--actor', 'NER', '--recipient', 'USA', '--type', 'sanction', '--db', b]);
    assert.equal(ev.status, 0, ev.stderr);
    assert.match(ev.stdout, /SANCTION\s+NER\s+USA/);
    const evj = JSON.parse(sitrep(['events', '--text', 'uranium', '--format', 'json', '--db', b]).stdout);
    assert.equal(evj.items.length, 1);
    assert.match(sitrep(['events', '--format', 'csv', '--db', b]).stdout, /^id,date/);
    assert.match(sitrep(['timeline', 'USA', 'NER', '--db', b]).stdout, /military cooperation NER–USA: severed 2024-03-16/);
    assert.match(sitrep(['timeline', 'USA', 'NER', '--format', 'csv', '--period', 'week', '--db', b]).stdout, /^period,events/);
    assert.match(sitrep(['posture', 'Niger', '--db', b]).stdout, /1100[\s\S]*1000[\s\S]*Air Base 201/);
    assert.match(sitrep(['search', 'uranium', '--db', b]).stdout, /uranium/);
    assert.match(sitrep(['actor', 'CNSP', '--db', b]).stdout, /National Council for the Safeguard of the Homeland/);
    assert.match(sitrep(['actor', '--list', 'ni', '--db', b]).stdout, /Niger/);

    const bad: [string[], RegExp][] = [
      [['ingest'], /give one or more files/],
      [['events', '--db', join(dir, 'none.db')], /no store at/],
      [['events', '--type', 'HUG', '--db', b], /"HUG" is not one of/],
      [['events', '--from', '2024-13', '--db', b], /no month 13/],
      [['timeline', 'USA', '--db', b], /give two actors/],
      [['export', '--format', 'xml', '--db', b], /--format must be one of/],
      [['ingest', 'x.txt', '--published', '2024-02-30', '--db', b], /no such calendar day/],
    ];
    for (const [args, re] of bad) {
      const x = sitrep(args);
      assert.equal(x.status, 2, args.join(' '));
      assert.match(x.stderr, re);
      assert.ok(!/\n\s+at /.test(x.stderr), 'no stack trace');
    }
    assert.equal(sitrep(['actor', 'Atlantis', '--db', b]).status, 1);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('progress line: counts, rate, ETA', () => {
  const line = progressLine({ done: 50, total: 200, new: 40, replaced: 1, unchanged: 5, duplicates: 3, failed: 4, newEvents: 300, fusedEvents: 20, elapsedMs: 10000 });
  assert.match(line, /^\[#{6}\.{18}\] 25% 50\/200 items · 5\.0\/s · 40 new/);
  assert.match(line, /4 failed · ETA 0:30$/);
  assert.match(progressLine({ done: 7, total: null, new: 7, replaced: 0, unchanged: 0, duplicates: 0, failed: 0, newEvents: 0, fusedEvents: 0, elapsedMs: 2000 }), /^7 items · 3\.5\/s/);
});
