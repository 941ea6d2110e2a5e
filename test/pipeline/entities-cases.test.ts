/**
 * Entities and mentions, table-driven: what must be found (with code, type, sector) and what must
 * NOT be extracted ("May" in "in May", "Chad" as a first name, "turkey dinner", "Niger" in "Nigeria").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDoc } from '../../src/pipeline/index.js';
import { run, entityOf } from './entity-helpers.js';
import { STAGES } from '../../src/pipeline/index.js';
import { mentionsStage } from '../../src/pipeline/stages/mentions.js';
import { entitiesStage } from '../../src/pipeline/stages/entities.js';
import { entityAt, mentionsInSpan, actorCode } from '../../src/entities/entity-lookup.js';



interface Positive { text: string; mention: string; type: string; code: string | null; sector?: string | null; name?: string }

const positives: Positive[] = [
  { text: 'Niger ordered US troops to leave.', mention: 'Niger', type: 'country', code: 'NER' },
  { text: 'Niger ordered US troops to leave.', mention: 'US', type: 'country', code: 'USA' },
  { text: 'The U.S. embassy and the United States Congress.', mention: 'U.S.', type: 'country', code: 'USA' },
  { text: 'Analysts in America were surprised.', mention: 'America', type: 'country', code: 'USA' },
  { text: 'Nigerien officials met American diplomats in Niamey.', mention: 'Nigerien', type: 'country', code: 'NER' },
  { text: 'Nigerien officials met American diplomats in Niamey.', mention: 'American', type: 'country', code: 'USA' },
  { text: 'Nigerien officials met American diplomats in Niamey.', mention: 'Niamey', type: 'location', code: 'NER' },
  { text: 'Niamey rejected the accusation.', mention: 'Niamey', type: 'country', code: 'NER' },
  { text: 'Shelling in Bukavu and Goma killed six, officials in Kinshasa said.', mention: 'Goma', type: 'location', code: 'COD' },
  { text: 'Shelling in Bukavu and Goma killed six, officials in Kinshasa said.', mention: 'Kinshasa', type: 'location', code: 'COD' },
  { text: 'The plant is in Mobile, Alabama.', mention: 'Alabama', type: 'location', code: 'USA' },
  { text: 'Kharkiv was shelled again on Sunday.', mention: 'Kharkiv', type: 'location', code: 'UKR' },
  { text: 'Nigerian troops crossed into Benin.', mention: 'Nigerian', type: 'country', code: 'NGA' },
  { text: "Nigeria's army said it repelled the attack.", mention: 'Nigeria', type: 'country', code: 'NGA' },
  { text: 'Tehran denied the report.', mention: 'Tehran', type: 'country', code: 'IRN' },
  { text: 'Kyiv said Moscow launched 40 drones overnight.', mention: 'Kyiv', type: 'country', code: 'UKR' },
  { text: 'Kyiv said Moscow launched 40 drones overnight.', mention: 'Moscow', type: 'country', code: 'RUS' },
  { text: 'Beijing warned Washington over Taiwan.', mention: 'Washington', type: 'country', code: 'USA' },
  { text: 'Troops from the Ivory Coast and Ghana arrived.', mention: 'the Ivory Coast', type: 'country', code: 'CIV' },
  { text: "Côte d'Ivoire recalled its ambassador.", mention: "Côte d'Ivoire", type: 'country', code: 'CIV' },
  { text: 'Fighting flared in eastern DRC near Goma.', mention: 'DRC', type: 'country', code: 'COD' },
  { text: 'South Korea and North Korea exchanged fire.', mention: 'South Korea', type: 'country', code: 'KOR' },
  { text: 'South Korea and North Korea exchanged fire.', mention: 'North Korea', type: 'country', code: 'PRK' },
  { text: 'Britain and the UK government agreed.', mention: 'Britain', type: 'country', code: 'GBR' },
  { text: 'Guinea-Bissau and Equatorial Guinea signed a pact with Guinea.', mention: 'Guinea-Bissau', type: 'country', code: 'GNB' },
  { text: 'Guinea-Bissau and Equatorial Guinea signed a pact with Guinea.', mention: 'Equatorial Guinea', type: 'country', code: 'GNQ' },
  { text: 'Guinea-Bissau and Equatorial Guinea signed a pact with Guinea.', mention: 'Guinea', type: 'country', code: 'GIN' },
  { text: "Georgia's parliament in Tbilisi passed the foreign agents law.", mention: 'Georgia', type: 'country', code: 'GEO' },
  { text: "Chad's army said the rebels had withdrawn.", mention: 'Chad', type: 'country', code: 'TCD' },
  { text: 'Jordan closed its airspace on Saturday.', mention: 'Jordan', type: 'country', code: 'JOR' },
  { text: 'Turkey and Türkiye are the same country.', mention: 'Türkiye', type: 'country', code: 'TUR' },
  { text: 'NATO allies met in Brussels.', mention: 'NATO', type: 'organization', code: 'NATO', sector: 'IGO' },
  { text: 'The UN Security Council adopted a resolution.', mention: 'UN Security Council', type: 'organization', code: 'UN', sector: 'IGO' },
  { text: 'The International Atomic Energy Agency inspected the site.', mention: 'International Atomic Energy Agency', type: 'organization', code: 'IAEA', sector: 'IGO' },
  { text: 'The Kremlin rejected the proposal.', mention: 'The Kremlin', type: 'organization', code: 'RUS', sector: 'GOV' },
  { text: 'Downing Street said the talks were useful.', mention: 'Downing Street', type: 'organization', code: 'GBR', sector: 'GOV' },
  { text: 'The IDF said it struck targets in Gaza.', mention: 'IDF', type: 'organization', code: 'ISR', sector: 'MIL' },
  { text: 'The Quai d\'Orsay summoned the ambassador.', mention: "The Quai d'Orsay", type: 'organization', code: 'FRA', sector: 'GOV' },
  { text: 'al-Shabaab militants attacked a base in Somalia.', mention: 'al-Shabaab', type: 'group', code: 'SOM', sector: 'REB' },
  { text: 'Houthi rebels fired missiles at ships in the Red Sea.', mention: 'Houthi rebels', type: 'group', code: 'YEM', sector: 'REB' },
  { text: 'Houthi rebels fired missiles at ships in the Red Sea.', mention: 'the Red Sea', type: 'location', code: null },
  { text: 'Wagner mercenaries arrived in Mali.', mention: 'Wagner mercenaries', type: 'group', code: 'RUS' },
  { text: 'Reuters reported the strike.', mention: 'Reuters', type: 'organization', code: 'GBR', sector: 'JRN' },
  { text: 'The Washington Post reported the strike.', mention: 'The Washington Post', type: 'organization', code: 'USA', sector: 'JRN' },
  { text: 'Russian Foreign Minister Sergei Lavrov said talks were over.', mention: 'Sergei Lavrov', type: 'person', code: 'RUS', sector: 'GOV' },
  { text: 'Pentagon spokeswoman Sabrina Singh told reporters on Monday.', mention: 'Sabrina Singh', type: 'person', code: 'USA', sector: 'MIL' },
  { text: 'Kenyan Interior Minister Kithure Kindiki visited the camp.', mention: 'Kithure Kindiki', type: 'person', code: 'KEN', sector: 'GOV' },
  { text: 'Malian army spokesman Col. Souleymane Dembele said the convoy was hit.', mention: 'Souleymane Dembele', type: 'person', code: 'MLI', sector: 'MIL' },
  { text: 'Zaporizhzhia nuclear power plant lost power again.', mention: 'Zaporizhzhia nuclear power plant', type: 'facility', code: 'UKR' },
  { text: 'US drones flew from Camp Lemonnier in Djibouti.', mention: 'Camp Lemonnier', type: 'facility', code: 'DJI' },
  { text: 'Jets took off from Air Base 101 in Niger.', mention: 'Air Base 101', type: 'facility', code: 'NER' },
  { text: 'Jets took off from Air Base 5 in Mali.', mention: 'Air Base 5', type: 'facility', code: 'MLI' },
  { text: 'Fighting continued in the Donbas.', mention: 'the Donbas', type: 'location', code: 'UKR' },
  { text: 'Maria Okafor, a spokeswoman for the Nigerian army, said the raid had ended.', mention: 'Maria Okafor', type: 'person', code: 'NGA', sector: 'MIL' },
  { text: "Ukraine's foreign minister, Andrii Sybiha, said talks were possible.", mention: 'Andrii Sybiha', type: 'person', code: 'UKR', sector: 'GOV' },
  { text: "Andrii Sybiha, Ukraine's foreign minister, said talks were possible.", mention: 'Andrii Sybiha', type: 'person', code: 'UKR', sector: 'GOV' },
  { text: 'Amnesty International accused the army of abuses.', mention: 'Amnesty International', type: 'organization', code: null, sector: 'NGO' },
  { text: 'Aid reached Bosnia as Bosnian Serb forces withdrew.', mention: 'Bosnia', type: 'country', code: 'BIH' },
  { text: 'The Trump administration imposed tariffs.', mention: 'The Trump administration', type: 'country', code: 'USA' },
];

test('entities: table of positives (mention → type, code, sector)', () => {
  for (const p of positives) {
    const d = run(p.text);
    const e = entityOf(d, p.mention);
    assert.ok(e, `${p.text}: no entity for "${p.mention}" (mentions: ${d.mentions.map((m) => `${m.text}/${m.entity}`).join(', ')})`);
    assert.equal(e.type, p.type, `${p.text}: type of "${p.mention}"`);
    assert.equal(e.code, p.code, `${p.text}: code of "${p.mention}"`);
    if (p.sector !== undefined) assert.equal(e.sector, p.sector, `${p.text}: sector of "${p.mention}"`);
  }
});

interface Negative { text: string; not: string; code?: string; type?: string }

const negatives: Negative[] = [
  { text: 'The talks will resume in May.', not: 'May' },
  { text: 'Talks collapsed in March and resumed in July 2023.', not: 'March' },
  { text: 'Chad Smith said the deal was done.', not: 'Chad', code: 'TCD' },
  { text: 'Michael Jordan visited the White House.', not: 'Jordan', code: 'JOR' },
  { text: 'We ate a turkey dinner on Thursday.', not: 'turkey', code: 'TUR' },
  { text: "Nigeria's president met Nigerian generals.", not: 'Niger', code: 'NER' },
  { text: 'Voters in Atlanta, Georgia went to the polls as the county counted ballots.', not: 'Georgia', code: 'GEO' },
  { text: 'George Washington was the first president.', not: 'Washington', code: 'USA' },
  { text: 'Let us go, they told us.', not: 'us', code: 'USA' },
  { text: 'Who is behind the plan?', not: 'Who', code: 'WHO' },
  { text: 'The Washington Post reported it.', not: 'Washington', code: 'USA' },
  { text: 'Papua New Guinea held elections.', not: 'Guinea', code: 'GIN' },
  { text: 'Jackson Pollock and Florence Nightingale were not places.', not: 'Jackson', type: 'location' },
  { text: 'Jackson Pollock and Florence Nightingale were not places.', not: 'Florence', type: 'location' },
];

test('entities: table of negatives (what must NOT be extracted)', () => {
  for (const n of negatives) {
    const d = run(n.text);
    const bad = d.mentions.filter((m) => {
      if (m.kind === 'descriptor' || m.kind === 'pronoun') return false;
      const e = d.entities.find((x) => x.id === m.entity);
      if (n.type) return m.text.includes(n.not) && d.entities.find((x) => x.id === m.entity)?.type === n.type;
      if (n.code) return e?.code === n.code && d.text.slice(m.start, m.end).includes(n.not) && e?.type === 'country' || (n.code === 'WHO' && e?.code === 'WHO');
      return m.text === n.not || m.text.includes(n.not);
    });
    assert.deepEqual(bad.map((m) => m.text), [], `${n.text}: must not extract "${n.not}"`);
  }
});

test('mentions: nothing inside a time or quantity span', () => {
  const text = 'In July 2023 the junta in Niger took power, and Jordan sent 1,000 troops.';
  // run up to quantities, inject the spans the times/quantities stages would set, then our stages
  const upTo = STAGES.findIndex((s) => s.name === 'mentions');
  const d = analyzeDoc({ text }, {}, STAGES.slice(0, upTo));
  const july = text.indexOf('July 2023');
  d.times = [{ start: july, end: july + 9, text: 'July 2023', value: '2023-07', anchor: 'absolute', implied: [], earliest: '2023-07-01', latest: '2023-07-31', rule: 'test', confidence: 1 }];
  const q = text.indexOf('1,000 troops');
  d.quantities = [{ start: q, end: q + 12, text: '1,000 troops', value: 1000, unit: 'troops', qualifier: null, rule: 'test', confidence: 1 }];
  mentionsStage.run(d);
  entitiesStage.run(d);
  for (const m of d.mentions) {
    for (const s of [...d.times, ...d.quantities]) assert.ok(m.end <= s.start || m.start >= s.end, `mention "${m.text}" inside "${s.text}"`);
  }
  assert.ok(d.mentions.some((m) => m.text === 'Niger'));
  assert.ok(d.mentions.some((m) => m.text === 'Jordan'), 'Jordan before "sent" is the country');
});

test('acronyms defined in parentheses: one entity, both names', () => {
  const d = run('The Movement for Justice and Equality (MJE) rejected the deal. MJE fighters later withdrew, the MJE said.');
  const e = entityOf(d, 'Movement for Justice and Equality');
  assert.ok(e);
  assert.deepEqual(d.mentions.filter((m) => m.text === 'MJE').map((m) => m.entity), [e.id, e.id, e.id]);
  assert.ok(e.aliases.includes('MJE'));
  assert.equal(e.type, 'group');
});

test('acronym definitions override a lexicon reading', () => {
  const d = run('Reporters Without Borders (RSF) condemned the arrest. RSF said two journalists were held.');
  const ids = new Set(d.mentions.filter((m) => m.text === 'RSF').map((m) => m.entity));
  assert.equal(ids.size, 1);
  const e = d.entities.find((x) => ids.has(x.id))!;
  assert.notEqual(e.code, 'SDN', 'not the Sudanese Rapid Support Forces');
});

test('descriptors: the government of the country the context names', () => {
  const d = run("The Pentagon is looking to stay in Niger despite an order from the country's government for US forces to leave.");
  const gov = d.mentions.find((m) => m.text === 'the country’s government' || m.text === "the country's government");
  assert.ok(gov?.entity);
  assert.equal(actorCode(d, d.entities.find((e) => e.id === gov.entity)!), 'NER');
  const forces = d.mentions.find((m) => m.text === 'US forces');
  assert.equal(d.entities.find((e) => e.id === forces?.entity)?.code, 'USA');
  assert.equal(forces?.ref?.sector, 'MIL');
});

test('descriptors: "the junta" after a country, apposition "known as"', () => {
  const d = run("Mali's junta expelled French troops last year. The junta said on Monday that the soldiers had left.");
  const j = d.mentions.filter((m) => /junta/i.test(m.text));
  assert.equal(j.length, 2);
  for (const m of j) assert.equal(d.entities.find((e) => e.id === m.entity)?.code, 'MLI', m.text);
  const d2 = run('Niger expelled the French ambassador. Officials in the military-led government, known as the Transitional Council for National Recovery (TCNR), met Burkina Faso envoys.');
  const council = entityOf(d2, 'TCNR');
  assert.equal(council?.code, 'NER');
  assert.equal(council?.sector, 'GOV');
});

test('descriptors and pronouns stay unresolved when the context is not clear', () => {
  const d = run('Officials said talks would resume. It is not clear when.');
  assert.equal(d.mentions.find((m) => m.text === 'Officials')?.entity ?? null, null);
  assert.ok(!d.mentions.some((m) => m.kind === 'pronoun'), 'expletive "it" is not a mention');
});

test('pronouns: "it"/"its" → nearest suitable actor', () => {
  const d = run('ECOWAS backed down on its threat, and lifted sanctions it imposed on Niger.');
  const pr = d.mentions.filter((m) => m.kind === 'pronoun');
  assert.equal(pr.length, 2);
  for (const p of pr) assert.equal(d.entities.find((e) => e.id === p.entity)?.code, 'ECOWAS');
  const d2 = run('The US does not want to give up its military presence in Niger, since it has been in talks with Benin.');
  for (const p of d2.mentions.filter((m) => m.kind === 'pronoun')) assert.equal(d2.entities.find((e) => e.id === p.entity)?.code, 'USA', p.text);
});

test('pronouns: "they"/"their" → a group or plural descriptor, else dropped', () => {
  const d = run('Houthi rebels fired missiles at ships and said they would continue their attacks.');
  for (const p of d.mentions.filter((m) => m.kind === 'pronoun')) assert.equal(d.entities.find((e) => e.id === p.entity)?.code, 'YEM', p.text);
  const d2 = run('Benin and Ghana said they would talk.');
  assert.ok(!d2.mentions.some((m) => m.kind === 'pronoun'), 'a list of countries is not resolved to one of them');
});

test('persons: short forms, spelling variants, role country from the sentence', () => {
  const d = run('Pentagon spokeswoman Sabrina Singh spoke. Singh said the US would stay.');
  const singh = entityOf(d, 'Sabrina Singh')!;
  assert.equal(entityOf(d, 'Singh', d.text.indexOf('Singh said'))?.id, singh.id);
  assert.equal(singh.role, 'spokeswoman');
  assert.equal(d.entities.find((e) => e.id === singh.affiliation)?.name, 'Pentagon');
  const d2 = run('Fighting in Burundi continued after the coup, which ousted former President Jean Ndayishimiye. Ndayishimiye fled.');
  const p = entityOf(d2, 'Jean Ndayishimiye')!;
  assert.equal(p.code, 'BDI');
  assert.equal(p.sector, 'GOV');
  assert.equal(entityOf(d2, 'Ndayishimiye', d2.text.indexOf('Ndayishimiye fled'))?.id, p.id);
  // a surname alone from the lexicon needs the full name (or a title) in the article
  const d3 = run('Austin is the capital of Texas.');
  assert.ok(!d3.entities.some((e) => e.type === 'person'), d3.entities.map((e) => e.name).join(','));
});

test('entity ids follow first mention and output is deterministic', () => {
  const text = 'Russia and Iran signed a deal. Iran said Russia would help. Tehran praised Moscow.';
  const a = run(text);
  const b = run(text);
  assert.deepEqual(a.entities, b.entities);
  assert.deepEqual(a.mentions, b.mentions);
  assert.deepEqual(a.entities.map((e) => [e.id, e.code]), [['e1', 'RUS'], ['e2', 'IRN']]);
  const rus = a.entities[0];
  assert.equal(rus.mentions.length, 3);
  assert.equal(rus.wikidata, 'Q159');
  assert.ok(rus.coords);
});

test('entity lookup: entityAt, mentionsInSpan', () => {
  const d = run('Nigerien officials said US forces would leave.');
  const us = d.tokens.findIndex((t) => t.text === 'US');
  assert.equal(entityAt(d, us)?.code, 'USA');
  const inSpan = mentionsInSpan(d, 0, d.text.indexOf(' said'));
  assert.ok(inSpan.some((r) => r.entity?.code === 'NER'));
  assert.ok(inSpan.every((r) => r.mention.start < d.text.indexOf(' said')));
});
