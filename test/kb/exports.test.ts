import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { csvCell, exportStore, GDELT_COLUMNS } from '../../src/kb/exports.js';
import { sampleRecord, secondRecord, wireRecord } from './niger-fixtures.js';

async function withNiger<T>(fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-exp-'));
  const s = await openStore(join(dir, 'x.db'));
  try {
    for (const r of [sampleRecord(), secondRecord(), wireRecord()]) await s.ingestRecord(r);
    return await fn(s);
  } finally { await s.close(); rmSync(dir, { recursive: true, force: true }); }
}

const collect = async (s: Awaited<ReturnType<typeof openStore>>, f: Parameters<typeof exportStore>[1]) => {
  let out = '';
  const n = await exportStore(s, f, (x) => { out += x; });
  return { out, n };
};

test('export plover: PLOVER field names, one fused event a line, every source cited', async () => {
  await withNiger(async (s) => {
    const { out, n } = await collect(s, 'plover');
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, n);
    for (const l of lines) {
      for (const k of ['id', 'date', 'actor', 'event', 'recipient', 'mode', 'context', 'quad_code', 'event_text', 'text_info', 'cite_info', 'coder']) assert.ok(k in l, k);
    }
    const sev = lines.find((l) => l.event === 'SANCTION' && l.date === '2024-03-16');
    assert.equal(sev.cite_info.length, 3);
    assert.equal(sev.actor[0].code, 'NER');
    assert.match(sev.comment, /disagree on date/);
  });
});

test('export gdelt: a header of GDELT 2.0 column names and one row per event', async () => {
  await withNiger(async (s) => {
    const { out, n } = await collect(s, 'gdelt');
    const rows = out.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(rows[0], GDELT_COLUMNS);
    assert.equal(rows.length - 1, n);
    const sev = rows.find((r) => r[GDELT_COLUMNS.indexOf('EventCode')] === '1622')!;
    assert.equal(sev[GDELT_COLUMNS.indexOf('SQLDATE')], '20240316');
    assert.equal(sev[GDELT_COLUMNS.indexOf('EventRootCode')], '16');
    assert.equal(sev[GDELT_COLUMNS.indexOf('Actor2CountryCode')], 'USA');
    assert.equal(sev[GDELT_COLUMNS.indexOf('GoldsteinScale')], '-4', 'CAMEO root score when the record has none');
    assert.equal(sev[GDELT_COLUMNS.indexOf('NumSources')], '2');
    assert.ok(rows.every((r) => r.length === GDELT_COLUMNS.length));
  });
});

test('export geojson: located events as points (gazetteer coordinates, else the country centroid)', async () => {
  await withNiger(async (s) => {
    const { out, n } = await collect(s, 'geojson');
    const fc = JSON.parse(out);
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, n);
    assert.equal(n, 1, 'only the French withdrawal carries a location');
    assert.deepEqual(fc.features[0].geometry, { type: 'Point', coordinates: [8, 16] });
    assert.equal(fc.features[0].properties.location, 'Niger');
  });
});

test('export csv: quoted cells, no spreadsheet formulas', async () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  await withNiger(async (s) => {
    const { out, n } = await collect(s, 'csv');
    assert.equal(out.trim().split('\n').length, n + 1);
    assert.match(out, /^id,date,/);
  });
});
