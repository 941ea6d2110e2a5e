import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysisJsonSchema } from '../../src/contract/analysis-schema.js';
import { PROJECT_ROOT } from '../../src/util/paths.js';

test('docs/analysis-v1.schema.json is what `sitrep schema` prints (regenerate: sitrep schema > docs/analysis-v1.schema.json)', () => {
  const committed = readFileSync(join(PROJECT_ROOT, 'docs', 'analysis-v1.schema.json'), 'utf8');
  assert.equal(committed, JSON.stringify(analysisJsonSchema(), null, 2) + '\n');
});

test('the JSON Schema names every contract field', () => {
  const s = analysisJsonSchema() as { properties: Record<string, { items?: { properties?: Record<string, unknown> } }>; required: string[] };
  assert.deepEqual([...s.required].sort(), ['article', 'entities', 'events', 'facts', 'quantities', 'schema', 'times']);
  const ev = s.properties.events.items?.properties ?? {};
  for (const k of ['id', 'type', 'mode', 'contexts', 'actor', 'recipient', 'date', 'modality', 'attribution', 'evidence', 'confidence', 'cameo', 'quad', 'goldstein']) {
    assert.ok(k in ev, `events[].${k} missing from the JSON Schema`);
  }
});
