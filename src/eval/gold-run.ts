/**
 * `sitrep eval GOLD_DIR`: reads every *.gold.json, analyses the article it names (relative to the
 * gold dir's parent, i.e. the shared dir) with the gold's publication date, and scores it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyze } from '../pipeline/index.js';
import type { AnalysisRecord } from '../contract/analysis-schema.js';
import { decodeText, InputError, parsePublished, readSource } from '../io/read-input.js';
import { GoldFileSchema, type GoldFile } from './gold-schema.js';
import { goldMetrics, scoreRecord, totals, type DocScore, type Totals } from './gold-scorer.js';
import { showRatio, type Prf, type Ratio } from './metrics.js';

export interface GoldCase { path: string; gold: GoldFile; text: string }

/** Loads and checks every gold file of a directory, in file-name order. */
export function loadGoldDir(dir: string): GoldCase[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`${dir} is not a directory`);
    names = readdirSync(dir).filter((n) => n.endsWith('.gold.json')).sort();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read gold directory ${dir}: no such directory`);
  }
  if (names.length === 0) throw new InputError(`no *.gold.json files in ${dir}`);
  const base = dirname(resolve(dir));
  return names.map((name) => {
    const path = join(dir, name);
    let raw: unknown;
    try { raw = JSON.parse(readFileSync(path, 'utf8')); } catch (e) { throw new InputError(`${path}: not valid JSON (${(e as Error).message})`); }
    const parsed = GoldFileSchema.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new InputError(`${path}: ${i.path.join('.') || 'file'}: ${i.message}`);
    }
    const gold = parsed.data;
    if (gold.published != null) parsePublished(gold.published);
    const articlePath = join(base, gold.file);
    const text = decodeText(readSource(articlePath), articlePath);
    return { path, gold, text };
  });
}

export interface GoldReport { dir: string; docs: DocScore[]; totals: Totals; metrics: Record<string, number> }

/**
 * Analyses and scores every gold case. `analyzer` is injectable so the scorer can be tested on
 * hand-made records.
 * @example evaluateGold(loadGoldDir('../shared/gold')).metrics['events.recall']
 */
export function evaluateGold(cases: GoldCase[], analyzer: (c: GoldCase) => AnalysisRecord = defaultAnalyzer, onProgress?: (done: number, total: number) => void): Omit<GoldReport, 'dir'> {
  const docs = cases.map((c, k) => {
    const rec = analyzer(c);
    onProgress?.(k + 1, cases.length);
    return scoreRecord(rec, c.gold);
  });
  const t = totals(docs);
  return { docs, totals: t, metrics: goldMetrics(t) };
}

function defaultAnalyzer(c: GoldCase): AnalysisRecord {
  const published = c.gold.published ?? null;
  return analyze({ text: c.text, published }, { published });
}

const prfLine = (name: string, p: Prf) =>
  `  ${name.padEnd(12)} P ${showRatio(p.precision).padEnd(16)} R ${showRatio(p.recall).padEnd(16)} F1 ${p.f1.toFixed(3)}`;
const attrLine = (name: string, r: Ratio) => `  ${name.padEnd(20)} ${showRatio(r)}`;

/** The report an engineer reads: totals first, then per document what to fix. */
export function formatGoldReport(r: GoldReport): string {
  const t = r.totals;
  const out: string[] = [];
  out.push(`sitrep eval ${r.dir}: ${t.docs} gold file${t.docs === 1 ? '' : 's'}`, '');
  out.push('per layer (P precision, R recall, F1):');
  out.push(prfLine('events', t.events.prf));
  out.push(prfLine('entities', t.entities.prf));
  out.push(prfLine('times', t.times.prf));
  out.push(prfLine('quantities', t.quantities.prf));
  out.push(prfLine('facts', t.facts.prf));
  out.push('', 'events');
  out.push(`  predicted ${t.events.predicted}; required gold ${t.events.required}, found ${t.events.requiredFound}; optional gold ${t.events.optional}, found ${t.events.optionalFound}`);
  out.push(attrLine('recall (all gold)', t.events.recallAll));
  out.push(attrLine('date', t.events.date));
  out.push(attrLine('modality', t.events.modality));
  out.push(attrLine('speaker', t.events.speaker));
  out.push(attrLine('speaker or reporter', t.events.speakerOrReporter));
  out.push(attrLine('quote', t.events.quote));
  out.push(attrLine('same_as fused', t.events.fused));
  out.push('other layers');
  out.push(attrLine('entity mention recall', t.entities.mentionRecall));
  out.push(attrLine('times found by span', t.times.found));
  out.push(attrLine('quantities found', t.quantities.found));
  out.push(attrLine('fact fields right', t.facts.fields));
  out.push(attrLine('article layout checks', t.article.checks));

  for (const d of r.docs) {
    out.push('', `== ${d.doc} (${d.file}, published ${d.published ?? 'unknown'})`);
    const e = d.events;
    if (e.cuesNotFound.length) out.push(`  gold cues not found in the text: ${e.cuesNotFound.join(', ')}`);
    out.push(`  missed required events (${e.missed.length}):`);
    for (const m of e.missed) {
      out.push(`    - ${m.id} [${m.type.join('|')}] ${m.actor.join('+') || '*'} → ${m.recipient.join('+') || '*'}: "${m.cue}"`);
      for (const n of m.near) out.push(`        near: ${n}`);
    }
    out.push(`  false positives (${e.falsePositives.length}):`);
    for (const f of e.falsePositives) {
      out.push(`    - ${f.id} ${f.type} ${f.actor.join('+') || '?'} → ${f.recipient.join('+') || '-'}${f.cue ? ` cue "${f.cue}"` : ''}: "${f.evidence}"`);
    }
    const wrong = e.matches.filter((m) => m.errors.length);
    if (wrong.length) {
      out.push(`  matched with wrong attributes (${wrong.length}):`);
      for (const m of wrong) out.push(`    - ${m.gold} ↔ ${m.event}: ${m.errors.join('; ')}`);
    }
    const unfused = e.sameAs.filter((s) => !s.fused);
    if (unfused.length) out.push(`  same_as not fused: ${unfused.map((s) => `${s.id}=${s.sameAs}`).join(', ')}`);
    if (d.entities.missed.length) {
      out.push(`  missed entities (${d.entities.missed.length}):`);
      for (const m of d.entities.missed) out.push(`    - ${m.name} (${m.type}, ${m.code ?? 'no code'}): ${m.reason}`);
    }
    if (d.entities.missedMentions.length) {
      out.push(`  missed mentions (${d.entities.missedMentions.length}):`);
      for (const m of d.entities.missedMentions) out.push(`    - "${m.text}" @${m.start} of ${m.entity}${m.coveredBy ? ` (covered by ${m.coveredBy})` : ''}`);
    }
    if (d.entities.unmatched.length) out.push(`  entities not in gold: ${d.entities.unmatched.map((u) => `${u.name} (${u.type}, ${u.code ?? '-'})`).join('; ')}`);
    for (const [name, s] of [['times', d.times], ['quantities', d.quantities]] as const) {
      for (const m of s.missed) out.push(`  ${name} missed: "${m.text}" expected ${m.expected}${m.got !== null ? `, got ${m.got}` : ''}`);
      for (const x of s.extra) out.push(`  ${name} not in gold or wrong: "${x.text}" = ${x.value}`);
    }
    for (const m of d.facts.missed) out.push(`  fact missed: ${m}`);
    for (const m of d.facts.errors) out.push(`  fact wrong: ${m}`);
    for (const m of d.facts.extra) out.push(`  fact not in gold: ${m}`);
    for (const m of d.article.failures) out.push(`  article: ${m}`);
  }
  return out.join('\n') + '\n';
}
