// The times stage skips a parser's regex when the sentence holds none of the parser's `needs`
// (a perf pre-check). It must never skip a sentence the regex matches: checked here over the
// example articles' sentences and over generated sentences mixing every trigger word in odd
// cases, digits, and the two non-ASCII letters that case-fold to ASCII under /iu (ſ, K).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TEXT_PARSERS } from '../../src/time/relative-parsers.js';
import { parserMayMatch } from '../../src/pipeline/stages/times.js';
import { PROJECT_ROOT } from '../../src/util/paths.js';

function check(sentence: string): void {
  for (const p of TEXT_PARSERS) {
    if (!p.needs) continue;
    const matched = p.pattern().test(sentence);
    if (matched) assert.ok(parserMayMatch(p.needs, sentence), `${p.name} matches but its pre-check skips: ${JSON.stringify(sentence)}`);
  }
}

test('the pre-checks do skip sentences without their trigger words', () => {
  const gated = TEXT_PARSERS.filter((p) => p.needs);
  assert.ok(gated.length >= 8);
  for (const p of gated) assert.equal(parserMayMatch(p.needs, 'Troops withdrew from the border, officials said.'), false, p.name);
  assert.equal(parserMayMatch(['weekend'], 'Talks resumed over the Weekend.'), true);
  assert.equal(parserMayMatch(['digit'], 'In 2019 talks resumed.'), true);
});

test('pre-checks never skip a sentence of the example articles that the regex matches', () => {
  const dir = join(PROJECT_ROOT, 'examples');
  let n = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    for (const s of readFileSync(join(dir, f), 'utf8').split(/(?<=[.!?])\s+|\n+/)) { check(s); n++; }
  }
  assert.ok(n > 20, `${n} sentences`);
});

test('pre-checks never skip a generated sentence that the regex matches', () => {
  const words = ['the', 'this', 'last', 'next', 'past', 'coming', 'weekend', 'yesterday', 'tomorrow', 'today', 'tonight', 'night',
    'morning', 'afternoon', 'evening', 'earlier', 'later', 'week', 'month', 'year', 'decade', 'ago', 'two', 'a', 'early', 'mid',
    'late', 'beginning', 'start', 'middle', 'end', 'of', 'spring', 'summer', 'autumn', 'fall', 'winter', 'in', 'since', 'between',
    'and', 'or', 'its', 'March', 'May', 'November', 'Sept.', '2019', '2023', '1990s', "'80s", 'mid-2023', '1,000', 'troops', ',',
    'laſt', 'thiſ', 'paſt', 'Auguſt', 'weeKend', 'Kelvin'];
  const cased = fc.tuple(fc.constantFrom(...words), fc.constantFrom('lower', 'upper', 'title', 'asis')).map(([w, c]) =>
    c === 'lower' ? w.toLowerCase() : c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0].toUpperCase() + w.slice(1) : w);
  fc.assert(fc.property(fc.array(cased, { minLength: 1, maxLength: 10 }), fc.constantFrom(' ', '  ', '-', '\u00a0'), (ws, sep) => {
    check(ws.join(sep));
  }), { numRuns: 3000 });
});

test('chrono without the digit-only parsers finds the same dates in text without digits', async () => {
  const { chronoSetups } = await import('../../src/time/chrono-parsers.js');
  const { full, digitFree } = chronoSetups();
  assert.ok(digitFree.parsers.length < full.parsers.length);
  const ref = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };
  const show = (rs: ReturnType<typeof full.parse>) => JSON.stringify(rs.map((r) => [r.index, r.text, [...r.tags()].sort(), r.start.date().toISOString(), r.end?.date().toISOString() ?? null]));
  const words = ['on', 'Monday', 'last', 'next', 'this', 'Tuesday', 'weekend', 'March', 'May', 'Sept.', 'first', 'twenty-first', 'third', 'of',
    'at', 'noon', 'midnight', 'to', 'through', 'from', 'until', 'in', 'the', 'morning', 'pm', 'a.m.', ',', 'Sunday', 'December', 'week', 'late'];
  fc.assert(fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 9 }), (ws) => {
    const s = ws.join(' ');
    assert.equal(show(digitFree.parse(s, ref)), show(full.parse(s, ref)), s);
  }), { numRuns: 1500 });
  // and a sentence with digits does need the full set
  assert.notEqual(show(digitFree.parse('It began on 2022-02-24 at 14:30.', ref)), show(full.parse('It began on 2022-02-24 at 14:30.', ref)));
});
