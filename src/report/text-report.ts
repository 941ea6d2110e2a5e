/**
 * The report an analyst reads (`sitrep analyze --format text`): headline, a timeline of events in
 * date order (undated ones last) with actors, modality and who says so, the evidence under each,
 * then force-posture facts.
 */
import type { AnalysisRecord, EventRecord } from '../contract/analysis-schema.js';

const MODALITY_MARK: Record<string, string> = { asserted: '', negated: ' [NEGATED]', hypothetical: ' [HYPOTHETICAL]', future: ' [FUTURE]' };

function sortKey(e: EventRecord): string {
  return e.date ? e.date.replace(/^\.\./, '') : '~';
}

export function textReport(r: AnalysisRecord): string {
  const ents = new Map(r.entities.map((e) => [e.id, e]));
  const name = (id: string | null | undefined) => {
    const e = id ? ents.get(id) : undefined;
    return e ? (e.code && e.type !== 'country' ? `${e.name} (${e.code})` : e.name) : '?';
  };
  const names = (ids: string[]) => ids.length ? ids.map(name).join(' + ') : '—';
  const a = r.article;
  const out: string[] = [];
  out.push(a.title ?? '(untitled)');
  if (a.subtitle) out.push(a.subtitle);
  const meta = [a.published ? `published ${a.published}` : 'publication date unknown (relative dates left unresolved)', a.authors.length ? `by ${a.authors.join(', ')}` : '', a.outlet ?? ''].filter(Boolean);
  out.push(meta.join(' · '), '');

  out.push(`EVENTS (${r.events.length})`);
  const events = [...r.events].sort((x, y) => sortKey(x).localeCompare(sortKey(y)) || x.evidence[0].start - y.evidence[0].start);
  for (const e of events) {
    const who = `${names(e.actor)} → ${names(e.recipient)}`;
    out.push(`  ${(e.date ?? 'undated').padEnd(22)} ${e.type}${e.mode ? `/${e.mode}` : ''}${MODALITY_MARK[e.modality]}  ${who}`);
    const att = e.attribution;
    if (att) {
      const by = att.speaker ? name(att.speaker) : 'unnamed source';
      const via = att.reporter && att.reporter !== att.speaker ? `, reported by ${name(att.reporter)}` : att.reporter ? ' (report)' : '';
      out.push(`  ${''.padEnd(22)} according to ${by}${via} ("${att.verb}"${att.quote ? ', quoted' : ''})`);
    }
    for (const ev of e.evidence) out.push(`  ${''.padEnd(22)} » ${a.text.slice(ev.start, ev.end).replace(/\s+/g, ' ')}`);
    out.push(`  ${''.padEnd(22)} CAMEO ${e.cameo ?? '—'} · quad ${e.quad} · Goldstein ${e.goldstein ?? '—'} · confidence ${e.confidence}`);
  }
  if (r.facts.length) {
    out.push('', `FORCE POSTURE (${r.facts.length})`);
    for (const f of r.facts) {
      if (f.kind === 'deployment') {
        out.push(`  deployment: ${f.personnel} personnel of ${name(f.force)} in ${name(f.host)}${f.asOf ? ` as of ${f.asOf}` : ''}${(f as { speaker?: string | null }).speaker ? `, according to ${name((f as { speaker?: string | null }).speaker)}` : ''}`);
      } else {
        const cost = f.cost ? `, cost ${f.cost.qualifier ? f.cost.qualifier + ' ' : ''}${f.cost.value.toLocaleString('en-US')} ${f.cost.currency}` : '';
        out.push(`  facility: ${f.name} (${f.function ?? 'facility'}) in ${name(f.host)}${f.operator ? `, operated by ${name(f.operator)}` : ''}${cost}`);
      }
      for (const ev of f.evidence) out.push(`      » ${a.text.slice(ev.start, ev.end).replace(/\s+/g, ' ')}`);
    }
  }
  if (r.times.length) {
    out.push('', 'TIMES');
    for (const t of r.times) out.push(`  "${t.text}" → ${t.value ?? 'unresolved'} (${t.anchor})`);
  }
  if (r.quantities.length) {
    out.push('', 'QUANTITIES');
    for (const q of r.quantities) out.push(`  "${q.text}" → ${q.qualifier ? q.qualifier + ' ' : ''}${q.value} ${q.unit}`);
  }
  out.push('', `ENTITIES (${r.entities.length})`);
  for (const e of r.entities) out.push(`  ${e.name} · ${e.type}${e.code ? ` · ${e.code}` : ''}${e.sector ? ` · ${e.sector}` : ''}${e.wikidata ? ` · ${e.wikidata}` : ''} · ${e.mentions.length} mention(s)`);
  return out.join('\n') + '\n';
}
