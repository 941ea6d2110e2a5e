// Fuzzing the analyzer (issue 6 §5) with what templates never produce: arbitrary Unicode, control
// characters, lone surrogates, long runs of one character, and news fragments glued together at
// random. Properties: no exception escapes (other than an InputError a user can act on), every
// span lies inside the text, and the output is identical on a second run. FC_RUNS raises the
// run count for a longer soak.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/pipeline/index.js';
import type { AnalysisRecord } from '../../src/contract/analysis-schema.js';

const RUNS = Number(process.env.FC_RUNS ?? 30);

const fragments = ['Niger', 'the US', 'CNSP', 'Col. Maj.', 'said', 'on Monday', '32/13/2024', 'July 2023', '$100 million', '1,000 troops',
  '“', '”', '"', "'", ',', '.', '...', '—', '(', ')', '\n\n', '\n', ' ', '\t', 'ordered', 'to leave', 'which', 'that', 'Ms.', 'U.S.',
  'A.', 'NATO', 'ECOWAS', 'Tehran', 'coup', 'sanctions', 'not', 'may', 'will', 'https://example.org/a?b=c', '#tag', '@user', '😀', '\u200b', '\u202e'];

const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((xs) => xs.join(' ')),
  fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((xs) => xs.join('')),
  fc.tuple(fc.constantFrom('A', '.', ',', '"', ' ', '1', 'Col. ', 'x_', '\n', 'A1'), fc.integer({ min: 1, max: 3000 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 50 })).map(([a, b]) => a.join(' ') + b + a.join(' ')),
);

function analyzeOrInputError(text: string, published: string | null): AnalysisRecord | null {
  try { return analyze({ text }, { published }); } catch (e) {
    // Refusing an input with a reason is allowed; any other exception is a bug.
    if ((e as Error).name === 'InputError') return null;
    throw e;
  }
}

function spansInBounds(r: AnalysisRecord): void {
  const n = r.article.text.length;
  const inside = (s: { start: number; end: number }) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= n;
  for (const e of r.entities) for (const m of e.mentions) assert.ok(inside(m), `mention ${m.start}-${m.end} of ${n}`);
  for (const t of r.times) assert.ok(inside(t), `time ${t.start}-${t.end} of ${n}`);
  for (const q of r.quantities) assert.ok(inside(q), `quantity ${q.start}-${q.end} of ${n}`);
  for (const e of r.events) for (const s of e.evidence) assert.ok(inside(s), `evidence ${s.start}-${s.end} of ${n}`);
  for (const f of r.facts) for (const s of f.evidence) assert.ok(inside(s), `fact evidence ${s.start}-${s.end} of ${n}`);
}

test('fuzz: the analyzer never throws on arbitrary text, keeps spans in bounds and is deterministic', () => {
  fc.assert(fc.property(hostileText, fc.option(fc.constantFrom('2024-03-18', '2000-02-29', '2024-12-31T23:59:59Z'), { nil: null }), (text, published) => {
    const a = analyzeOrInputError(text, published);
    if (!a) return;
    spansInBounds(a);
    const b = analyzeOrInputError(text, published);
    assert.deepEqual(b, a);
  }), { numRuns: RUNS });
});
