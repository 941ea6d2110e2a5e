/**
 * Exports of the knowledge base, streamed (one line or one feature at a time):
 * - jsonl: the stored analysis records, one a line: lossless, re-importable with
 *   `sitrep ingest --format records FILE` (the store is rebuilt from them).
 * - csv: fused events, one a row, with every report's source.
 * - plover: PLOVER JSONL with PLOVER's field names (shared/docs/PLOVER.md): id, date, enddate,
 *   actor, recipient, event, mode, context, quad_code, event_loc, event_text, text_info,
 *   cite_info, coder, coded_date, comment. Actor and recipient are lists (PLOVER allows compound
 *   actors), each {name, code, sector, wikidata}.
 * - gdelt: a GDELT 2.0 events-style TSV (a subset of its 61 columns, named in a header row, with
 *   GDELT's column names): one row per fused event.
 * - geojson: a FeatureCollection of located events (the event's location, else none), points
 *   from the place's coordinates when the analyzer gave them.
 */
import type { ActorRef, EventView, ExportFormat, Store } from '../store/store.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'plover', 'gdelt', 'geojson'];

/** CSV field quoting (RFC 4180), and a leading quote on cells a spreadsheet would run as a formula. */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function tsvCell(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

const codes = (as: ActorRef[]) => [...new Set(as.map((a) => a.code).filter((c): c is string => !!c))].join(';');
const names = (as: ActorRef[]) => as.map((a) => a.name).join(';');

export const CSV_COLUMNS = ['id', 'date', 'date_lo', 'date_hi', 'type', 'mode', 'cameo', 'quad', 'goldstein', 'plover_score', 'actor_codes', 'actor_names',
  'recipient_codes', 'recipient_names', 'modality', 'location', 'sources', 'reports', 'disagreements', 'summary', 'urls'];

export function eventCsvRow(e: EventView): string {
  return [e.id, e.date, e.dateLo, e.dateHi, e.type, e.mode, e.cameo, e.quad, e.goldstein, e.ploverScore, codes(e.actor), names(e.actor),
    codes(e.recipient), names(e.recipient), e.modality, e.location?.name ?? null, e.sources, e.reports.length,
    e.disagreements.map((d) => d.field + (d.detail ? `(${d.detail})` : '')).join(';'), e.summary,
    [...new Set(e.reports.map((r) => r.article.url ?? r.article.id))].join(' ')].map(csvCell).join(',');
}

/** One fused event as a PLOVER record. */
export function ploverRecord(e: EventView): Record<string, unknown> {
  const first = e.reports[0];
  const dated = e.date?.split('/') ?? [];
  const actor = (as: ActorRef[]) => as.map((a) => ({ name: a.name, code: a.code, sector: a.sector, wikidata: a.wikidata }));
  return {
    id: e.id,
    date: dated[0] || e.dateLo,
    ...(dated[1] ? { enddate: dated[1] } : {}),
    actor: actor(e.actor),
    recipient: actor(e.recipient),
    event: e.type,
    mode: e.mode ?? '',
    context: e.contexts,
    quad_code: e.quad,
    event_loc: e.location ? { name: e.location.name, code: e.location.code, wikidata: e.location.wikidata } : null,
    event_text: first?.cue?.text ?? first?.evidence[0]?.text ?? '',
    text: first?.evidence.map((s) => s.text).join(' … ') ?? '',
    text_info: e.reports.map((r) => ({ article: r.article.id, event: r.recordEventId, offsets: r.evidence.map((s) => [s.start, s.end]) })),
    cite_info: e.reports.map((r) => ({ url: r.article.url, publication: r.article.outlet, published: r.article.published, language: 'en', speaker: r.speaker?.name ?? null })),
    coder: 'sitrep',
    coded_date: null,
    comment: [e.modality !== 'asserted' ? `modality: ${e.modality}` : '', e.dateFromPublication ? 'date from publication' : '',
      ...e.disagreements.map((d) => `reports disagree on ${d.field}${d.detail ? ` (${d.detail})` : ''}: ${d.values.map((v) => v.value).join(' | ')}`)].filter(Boolean).join('; '),
  };
}

export const GDELT_COLUMNS = ['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code', 'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass',
  'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_Lat', 'ActionGeo_Long',
  'DATEADDED', 'SOURCEURL'];

/** GDELT's QuadClass differs from PLOVER's quad only in its CAMEO root mapping; we keep PLOVER's. */
export function gdeltRow(e: EventView, coords: (a: ActorRef) => { lat: number; lon: number } | null): string {
  const day = (e.date?.slice(0, 10) ?? e.dateLo ?? '').replace(/-/g, '');
  const a1 = e.actor[0] ?? null, a2 = e.recipient[0] ?? null;
  const c = e.location ? coords(e.location) : null;
  const added = (e.reports[0]?.article.published ?? '').replace(/[-:T]/g, '').slice(0, 14);
  return [Number(e.id.slice(2)), day.length === 8 ? day : '', day.slice(0, 6), day.slice(0, 4),
    a1 ? (a1.code ?? '') + (a1.sector ?? '') : '', a1?.name.toUpperCase() ?? '', a1?.code ?? '', a1?.sector ?? '',
    a2 ? (a2.code ?? '') + (a2.sector ?? '') : '', a2?.name.toUpperCase() ?? '', a2?.code ?? '', a2?.sector ?? '',
    1, e.cameo ?? '', e.cameo?.slice(0, 3) ?? '', e.cameo?.slice(0, 2) ?? '', e.quad, e.goldstein ?? '',
    e.reports.length, e.sources, new Set(e.reports.map((r) => r.article.id)).size,
    e.location?.name ?? '', e.location?.code ?? '', c?.lat ?? '', c?.lon ?? '', added, e.reports[0]?.article.url ?? ''].map(tsvCell).join('\t');
}

export function geoFeature(e: EventView, c: { lat: number; lon: number }): Record<string, unknown> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    properties: {
      id: e.id, type: e.type, date: e.date ?? e.dateLo, quad: e.quad, goldstein: e.goldstein, modality: e.modality,
      actor: codes(e.actor) || names(e.actor), recipient: codes(e.recipient) || names(e.recipient), location: e.location?.name ?? null,
      sources: e.sources, summary: e.summary,
    },
  };
}

/**
 * Writes an export to `write` (a line or chunk at a time) and returns how many items it wrote.
 * @example await exportStore(store, 'plover', (s) => process.stdout.write(s))
 */
export async function exportStore(store: Store, format: ExportFormat, write: (chunk: string) => void | Promise<void>): Promise<number> {
  let n = 0;
  switch (format) {
    case 'jsonl':
      for await (const r of store.exportRecords()) { await write(JSON.stringify(r) + '\n'); n++; }
      return n;
    case 'csv':
      await write(CSV_COLUMNS.join(',') + '\n');
      for await (const e of store.exportEvents()) { await write(eventCsvRow(e) + '\n'); n++; }
      return n;
    case 'plover':
      for await (const e of store.exportEvents()) { await write(JSON.stringify(ploverRecord(e)) + '\n'); n++; }
      return n;
    case 'gdelt': {
      await write(GDELT_COLUMNS.join('\t') + '\n');
      for await (const e of store.exportEvents()) {
        await write(gdeltRow(e, (a) => a.coords ?? null) + '\n');
        n++;
      }
      return n;
    }
    case 'geojson': {
      await write('{"type":"FeatureCollection","features":[\n');
      for await (const e of store.exportEvents()) {
        const c = e.location?.coords;
        if (!c) continue;
        await write((n ? ',\n' : '') + JSON.stringify(geoFeature(e, c)));
        n++;
      }
      await write('\n]}\n');
      return n;
    }
  }
}
