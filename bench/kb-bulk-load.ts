/**
 * Bulk loader for the benchmark's query store: writes synthetic records straight into the
 * SQLite schema with prepared statements in large transactions, each record event as its own
 * event (no fusion, no near-duplicate check). It exists because building a 100,000-article store
 * through the real ingest path takes over an hour on a loaded 2-core machine; the ingest rate is
 * measured separately through the real path. The rows it writes are the rows the real path
 * writes for unfused events (same tables, indexes, FTS triggers, event_pairs), so query plans and latencies
 * are those of a real store of that size. The store passes `check()`.
 */
import Database from 'better-sqlite3';
import { openStore } from '../src/store/open-store.js';
import { actorKey, entityAliases } from '../src/kb/actor-registry.js';
import { dayOf, edtfRange } from '../src/kb/normalize.js';
import { goldsteinOf, ploverScore } from '../src/kb/scores.js';
import { modalityClass } from '../src/kb/fusion.js';
import { bandKeys, minhash, shingles } from '../src/kb/near-duplicate.js';
import { syntheticRecord } from './kb-synth.js';

const QUAD_NAMES: Record<number, string> = { 1: 'verbal-cooperation', 2: 'material-cooperation', 3: 'verbal-conflict', 4: 'material-conflict' };

/** Loads synthetic articles [from, to) into the SQLite store at path; returns articles/s. */
export async function bulkLoad(path: string, from: number, to: number, onProgress?: (done: number) => void): Promise<number> {
  (await openStore(path)).close(); // create and migrate
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = ON');
  const st = {
    article: db.prepare(`INSERT INTO articles (id, url, title, outlet, published, pub_day, language, text, text_hash, dup_of, dup_group, origin, source_hash, record, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, NULL, 0, 'bulk', NULL, ?, ?) RETURNING seq`),
    group: db.prepare('UPDATE articles SET dup_group = seq WHERE seq = ?'),
    band: db.prepare('INSERT OR IGNORE INTO article_bands (band, article) VALUES (?, ?)'),
    actorByKey: db.prepare('SELECT seq FROM actors WHERE key = ?'),
    actor: db.prepare('INSERT INTO actors (key, name, type, code, sector, wikidata) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq'),
    alias: db.prepare('INSERT OR IGNORE INTO actor_aliases (actor, norm, alias) VALUES (?, ?, ?)'),
    articleActor: db.prepare('INSERT OR IGNORE INTO article_actors (article, entity, actor) VALUES (?, ?, ?)'),
    event: db.prepare(`INSERT INTO events (type, family, mode, contexts, cameo, quad, goldstein, plover_score, date, date_lo, date_hi, date_from_pub, modality, mclass, location, sources, reports, summary)
      VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, 1, ?) RETURNING seq`),
    party: db.prepare('INSERT OR IGNORE INTO event_parties (event, role, actor, code, date_lo, date_hi) VALUES (?, ?, ?, ?, ?, ?)'),
    // as SqlStore.writePairs
    pairs: db.prepare(`INSERT OR IGNORE INTO event_pairs (event, role1, actor1, actor2, code1, code2, date_lo, date_hi)
      SELECT p1.event, p1.role, p1.actor, p2.actor, p1.code, p2.code, p1.date_lo, p1.date_hi
      FROM event_parties p1 JOIN event_parties p2 ON p2.event = p1.event AND p2.role <> p1.role WHERE p1.event = ?`),
    report: db.prepare(`INSERT INTO reports (event, article, rec_event, type, mode, cameo, quad, goldstein, date, date_lo, date_hi, modality, actors, recipients, location,
      speaker, reporter, verb, quote, confidence, evidence, evidence_text, cue, quantities, actor_names, recipient_names, contexts, rules)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 0, ?, ?, ?, ?, '[]', ?, ?, '[]', '["bench.bulk"]')`),
  };
  const actorSeq = new Map<string, { seq: number; code: string | null }>();
  const t0 = Date.now();
  const now = new Date().toISOString();
  const load = db.transaction((lo: number, hi: number) => {
    for (let i = lo; i < hi; i++) {
      const rec = syntheticRecord(i);
      const a = rec.article;
      const pub = dayOf(a.published);
      const seq = Number((st.article.get(a.id, a.url, a.title, a.outlet, a.published, pub, a.text, `bulk-${i}`, JSON.stringify({ ...rec, article: { ...a, text: '' } }), now) as { seq: number }).seq);
      st.group.run(seq);
      for (const b of new Set(bandKeys(minhash(shingles(a.text))))) st.band.run(b, seq);
      const ent = new Map<string, { seq: number; code: string | null; name: string }>();
      for (const e of rec.entities) {
        const key = actorKey(e);
        let x = actorSeq.get(key);
        if (!x) {
          const found = st.actorByKey.get(key) as { seq: number } | undefined;
          const s = found ? Number(found.seq) : Number((st.actor.get(key, e.name, e.type, e.code, e.sector, e.wikidata) as { seq: number }).seq);
          x = { seq: s, code: e.code };
          actorSeq.set(key, x);
          for (const al of entityAliases(e)) { const [alias, norm] = al.split('\u0000'); st.alias.run(s, norm, alias); }
        }
        ent.set(e.id, { ...x, name: e.name });
        st.articleActor.run(seq, e.id, x.seq);
      }
      for (const ev of rec.events) {
        const range = edtfRange(ev.date);
        const lo = range?.lo ?? pub, hi = range?.hi ?? pub;
        const acts = ev.actor.map((id) => ent.get(id)!), recs = ev.recipient.map((id) => ent.get(id)!);
        const evidence = ev.evidence.map((s) => ({ start: s.start, end: s.end, text: a.text.slice(s.start, s.end) }));
        const text = evidence.map((s) => s.text).join(' … ');
        const cue = (ev as { cue?: { start: number; end: number; text: string } }).cue ?? null;
        const summary = `${acts.map((x) => x.code ?? x.name).join('+')} ${ev.type}${recs.length ? ' ' + recs.map((x) => x.code ?? x.name).join('+') : ''}: ${cue?.text ?? text.slice(0, 100)}`;
        const es = Number((st.event.get(ev.type, QUAD_NAMES[ev.quad], ev.mode, ev.cameo, ev.quad, goldsteinOf(ev.cameo, ev.goldstein), ploverScore(ev.type, ev.mode), ev.date,
          lo, hi, range ? 0 : 1, ev.modality, modalityClass(ev.modality), summary) as { seq: number }).seq);
        for (const x of acts) st.party.run(es, 'a', x.seq, x.code, lo, hi);
        for (const x of recs) st.party.run(es, 'r', x.seq, x.code, lo, hi);
        st.pairs.run(es);
        st.report.run(es, seq, ev.id, ev.type, ev.mode, ev.cameo, ev.quad, goldsteinOf(ev.cameo, ev.goldstein), ev.date, range?.lo ?? null, range?.hi ?? null, ev.modality,
          JSON.stringify(acts.map((x) => x.seq)), JSON.stringify(recs.map((x) => x.seq)), ev.confidence, JSON.stringify(evidence), text, cue ? JSON.stringify(cue) : null,
          JSON.stringify(acts.map((x) => x.name)), JSON.stringify(recs.map((x) => x.name)));
      }
    }
  });
  for (let i = from; i < to; i += 2000) {
    load(i, Math.min(to, i + 2000));
    onProgress?.(Math.min(to, i + 2000) - from);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return (to - from) / ((Date.now() - t0) / 1000);
}
