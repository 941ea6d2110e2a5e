/**
 * The actor lexicon: data files load, every surface form splits exactly as the tokens stage
 * splits text (so the token trie can match it), and key entries resolve as documented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { actorLexicon, tokenizeMany, tokenizeWithWink } from '../../src/data/actor-lexicon.js';
import { DATA_DIR } from '../../src/util/paths.js';

const require = createRequire(import.meta.url);

function phrases(): string[] {
  const out: string[] = [];
  for (const f of ['igos', 'bodies', 'groups', 'media', 'people']) {
    const d = JSON.parse(readFileSync(join(DATA_DIR, 'actors', `${f}.json`), 'utf8'));
    for (const e of d.entries) out.push(e.name, ...e.aliases);
  }
  for (const f of ['regions', 'facilities']) {
    const d = JSON.parse(readFileSync(join(DATA_DIR, 'places', `${f}.json`), 'utf8'));
    for (const e of d.entries) out.push(e.name, ...e.aliases, ...(e.adjectives ?? []));
  }
  const c = JSON.parse(readFileSync(join(DATA_DIR, 'actors', 'countries.json'), 'utf8'));
  for (const e of c.countries) out.push(...(e.aliases ?? []), ...(e.demonyms ?? []), ...(e.metonyms ?? []));
  for (const w of require('world-countries/countries.json')) out.push(w.name.common, w.name.official, ...(w.capital ?? []), ...w.altSpellings);
  const g = JSON.parse(readFileSync(join(DATA_DIR, 'places', 'cities.json'), 'utf8'));
  for (const row of g.cities) out.push(row[0]);
  return [...new Set(out)];
}

test('lexicon: the fast phrase splitter agrees with wink on every lexicon phrase', () => {
  const ps = phrases();
  const fast = tokenizeMany(ps);
  const wink = tokenizeWithWink(ps);
  const diff = ps.filter((_, i) => fast[i].join('\u0001') !== wink[i].join('\u0001'));
  assert.deepEqual(diff.slice(0, 10), [], `${diff.length} phrases split differently`);
});

test('lexicon: every country has an ISO3 code, coordinates, and UN members a Wikidata id', () => {
  const lex = actorLexicon();
  const countries = [...lex.entities.values()].filter((e) => e.type === 'country');
  assert.ok(countries.length >= 245, `${countries.length} countries`);
  const un = new Set((require('world-countries/countries.json') as { cca3: string; unMember: boolean }[]).filter((c) => c.unMember).map((c) => c.cca3));
  for (const c of countries) {
    assert.match(c.code ?? '', /^[A-Z]{3}$/);
    assert.ok(c.coords, c.name);
    if (un.has(c.code!)) assert.match(c.wikidata ?? '', /^Q\d+$/, `${c.name} has no QID`);
  }
});

test('lexicon: IGOs carry their short name as code and sector IGO', () => {
  const lex = actorLexicon();
  const igos = [...lex.entities.values()].filter((e) => e.key.startsWith('igo:'));
  for (const code of ['UN', 'NATO', 'EU', 'AU', 'ECOWAS', 'ASEAN', 'OPEC', 'IAEA', 'ICC', 'ICJ', 'WHO', 'IMF', 'World Bank', 'Arab League', 'GCC', 'SCO', 'BRICS', 'SADC', 'IGAD', 'OSCE', 'G7', 'G20', 'UNHCR', 'UNICEF', 'WFP', 'MONUSCO', 'MINUSMA']) {
    assert.ok(igos.some((e) => e.code === code), `no IGO ${code}`);
  }
  for (const e of igos) if (e.sector !== 'NGO') assert.equal(e.sector, 'IGO', e.name);
});
