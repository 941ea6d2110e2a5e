// Writer CPU per article and a digest of the store (events + reports, ordered), on the bench
// corpora. Analysis happens once (records cached in a JSONL file) so runs before and after a
// writer change read identical records. Usage (after `npx tsc -p tsconfig.json`):
//   node scripts/writer-cpu.mjs CACHE_DIR [--dump FILE] [--reps N] [--prepared]
// Prints CPU ms per article of ingestRecords (process.cpuUsage around each batch of 32, after a
// warm-up pass into a throw-away store), per corpus, best of N passes.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { analyze } from '../dist/src/pipeline/index.js';
import { openStore } from '../dist/src/store/open-store.js';
import { newsLengthCorpus } from '../dist/bench/corpus.js';
import { syntheticArticles } from '../dist/src/scale/synthetic-articles.js';
let prepareRecord = null;
try { ({ prepareRecord } = await import('../dist/src/store/prepare.js')); } catch { /* before the prepared path existed */ }

const [cacheDir, ...rest] = process.argv.slice(2);
const dumpFile = rest.includes('--dump') ? rest[rest.indexOf('--dump') + 1] : null;
const reps = rest.includes('--reps') ? Number(rest[rest.indexOf('--reps') + 1]) : 3;
// --prepared: pass prepareRecord(record) as an analyzer thread does (computed outside the clock)
const withPrepared = rest.includes('--prepared');
mkdirSync(cacheDir, { recursive: true });

function corpus(name, arts) {
  const f = join(cacheDir, name + '.jsonl');
  if (!existsSync(f)) {
    const recs = arts.map((a, i) => analyze({ text: a.text, title: `${a.title} (${i})`, id: `${name}-${i}` }, { published: '2024-03-18' }));
    writeFileSync(f, recs.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  return readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}
const news = (n, seed) => newsLengthCorpus(n, seed).map((t) => { const [title, ...r] = t.split(/\n\s*\n/); return { title, text: r.join('\n\n') }; });
const corpora = [
  ['short', corpus('short', syntheticArticles(300, 1))],
  ['news-length', corpus('news-length', news(80, 1))],
];

async function dump(store) {
  const db = store.db;
  const ev = await db.all('SELECT seq, type, mode, contexts, cameo, quad, goldstein, date, date_lo, date_hi, date_from_pub, modality, location, sources, reports, summary FROM events ORDER BY seq');
  const rp = await db.all('SELECT seq, event, article, rec_event, type, actors, recipients, rules FROM reports ORDER BY seq');
  const pa = await db.all('SELECT event, role, actor, code FROM event_parties ORDER BY event, role, actor');
  const ar = await db.all('SELECT seq, id, dup_of, dup_group FROM articles ORDER BY seq');
  return JSON.stringify({ ev, rp, pa, ar });
}

const out = {};
for (const [name, recs] of corpora) {
  let best = Infinity, digest = null, fused = 0;
  for (let rep = 0; rep <= reps; rep++) {
    const store = await openStore(':memory:');
    let cpu = 0;
    for (let i = 0; i < recs.length; i += 32) {
      const batch = recs.slice(i, i + 32).map((record) => (withPrepared && prepareRecord ? { record, options: { prepared: prepareRecord(record) } } : { record }));
      const u0 = process.cpuUsage();
      const res = await store.ingestRecords(batch);
      const u1 = process.cpuUsage(u0);
      cpu += (u1.user + u1.system) / 1000;
      if (rep === 0) fused += res.reduce((s, r) => s + (r.fusedEvents ?? 0), 0);
    }
    const d = await dump(store);
    const h = createHash('sha256').update(d).digest('hex').slice(0, 16);
    if (digest && digest !== h) throw new Error('non-deterministic store');
    digest = h;
    if (dumpFile && rep === 0) writeFileSync(`${dumpFile}.${name}.json`, d);
    await store.close();
    if (rep > 0) best = Math.min(best, cpu / recs.length); // pass 0 warms the JIT
  }
  out[name] = { articles: recs.length, events: recs.reduce((s, r) => s + r.events.length, 0), fused, writerMsPerArticle: Math.round(best * 100) / 100, digest };
}
console.log(JSON.stringify(out, null, 1));
