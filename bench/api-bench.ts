/**
 * API latency over a synthetic store: N articles (default 1,000), each with four events between
 * varied country pairs, ingested through the Store interface; then p50/p95 of in-process requests
 * for the UI's main calls, and the rate of sequential requests over a real socket.
 * Run: npx tsc -p . && node dist/bench/api-bench.js [ARTICLES]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { openTokenStore } from '../src/server/token-store.js';
import { createApp } from '../src/server/app.js';
import { listen } from '../src/server/listen.js';
import type { AnalysisRecord } from '../src/contract/analysis-schema.js';

const COUNTRIES: [string, string][] = [['USA', 'United States'], ['NER', 'Niger'], ['FRA', 'France'], ['TCD', 'Chad'], ['MLI', 'Mali'], ['RUS', 'Russia'],
  ['CHN', 'China'], ['DZA', 'Algeria'], ['BFA', 'Burkina Faso'], ['NGA', 'Nigeria'], ['GBR', 'United Kingdom'], ['DEU', 'Germany']];
const TYPES: [string, 1 | 2 | 3 | 4, number, string][] = [['CONSULT', 1, 1, 'met'], ['SANCTION', 4, -4, 'suspended aid to'], ['ACCUSE', 3, -2, 'accused'], ['AID', 2, 7, 'sent aid to'], ['THREATEN', 3, -4.4, 'threatened']];

/** A deterministic pseudo-random sequence (no Math.random: the same store every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

function record(i: number, r: () => number): AnalysisRecord {
  const lines: string[] = [];
  const events: AnalysisRecord['events'] = [];
  const ents = new Map<string, number>();
  const ent = (code: string) => { if (!ents.has(code)) ents.set(code, ents.size); return `e${ents.get(code)}`; };
  let text = `Report ${i}: diplomatic round-up\n`;
  for (let k = 0; k < 4; k++) {
    const a = COUNTRIES[Math.floor(r() * COUNTRIES.length)], b = COUNTRIES[(COUNTRIES.indexOf(a) + 1 + Math.floor(r() * (COUNTRIES.length - 1))) % COUNTRIES.length];
    const [type, quad, g, verb] = TYPES[Math.floor(r() * TYPES.length)];
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 1800) * 86_400_000).toISOString().slice(0, 10);
    const sentence = `On ${day}, ${a[1]} ${verb} ${b[1]} over uranium exports in report ${i}-${k}.`;
    const start = text.length;
    text += sentence + '\n';
    lines.push(sentence);
    events.push({ id: `ev${k}`, type: type as never, mode: null, contexts: [], actor: [ent(a[0])], recipient: [ent(b[0])], date: day, modality: 'asserted', attribution: null,
      evidence: [{ start, end: start + sentence.length }], confidence: 0.8, cameo: null, quad, goldstein: g });
  }
  const entities = [...ents.entries()].map(([code, n]) => {
    const name = COUNTRIES.find((c) => c[0] === code)![1];
    const mentions: { start: number; end: number; text: string }[] = [];
    for (let p = text.indexOf(name); p >= 0; p = text.indexOf(name, p + name.length)) mentions.push({ start: p, end: p + name.length, text: name });
    return { id: `e${n}`, name, type: 'country' as const, code, sector: null, wikidata: null, aliases: [], mentions };
  });
  return {
    schema: 'sitrep.analysis/1',
    article: { id: `bench:${i}`, title: `Report ${i}: diplomatic round-up`, subtitle: null, authors: [], published: events[0].date, url: `https://bench.example.org/${i}`, outlet: 'Bench Wire', language: 'en', text },
    entities, times: [], quantities: [], events, facts: [],
  };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 1000);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-bench-'));
  const db = join(dir, 'bench.db');
  const store = await openStore(db);
  const tokens = await openTokenStore(db);
  try {
    const r = rng(42);
    let t = performance.now();
    for (let i = 0; i < n; i++) await store.ingestRecord(record(i, r));
    const ingestS = (performance.now() - t) / 1000;
    const stats = await store.stats();
    console.log(`store: ${stats.articles} articles, ${stats.events} fused events (${(n / ingestS).toFixed(0)} records/s through ingestRecord)`);
    const { app, close } = createApp({ store, tokens, uiDir: null, rateLimit: false });
    const calls: [string, string][] = [
      ['events (newest 50)', '/api/events'],
      ['events dyad + dates', '/api/events?party=USA&other=NER&from=2021-01-01&to=2022-12-31'],
      ['events full text', '/api/events?q=uranium%20Niger&limit=50'],
      ['search', '/api/search?q=uranium'],
      ['timeline USA-NER', '/api/timeline?a=USA&b=NER'],
      ['graph (scan, cap 20k)', '/api/graph'],
      ['geo (scan, cap 20k)', '/api/geo'],
    ];
    for (const [label, path] of calls) {
      const times: number[] = [];
      const reps = label.includes('scan') ? 5 : 30;
      for (let k = 0; k < reps; k++) {
        t = performance.now();
        const res = await app.request(path);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        times.push(performance.now() - t);
      }
      console.log(`${label.padEnd(24)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms   p95 ${pct(times, 95).toFixed(1).padStart(7)} ms   (${reps} requests)`);
    }
    const srv = await listen(app, { port: 0, host: '127.0.0.1' });
    t = performance.now();
    const m = 200;
    for (let k = 0; k < m; k++) await (await fetch(`${srv.url}/api/events?limit=20&offset=${k % 50}`)).arrayBuffer();
    console.log(`socket: ${(m / ((performance.now() - t) / 1000)).toFixed(0)} sequential /api/events?limit=20 requests/s`);
    await srv.close();
    await close();
  } finally {
    await tokens.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
