/**
 * Hand-made records of the three Niger articles in examples/ (the sample, a second outlet's
 * story, and a wire copy of that story), read the way the analyzer is meant to read them. They
 * let the knowledge base be tested on fusion before and independently of the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/util/paths.js';
import { buildRecord, type EntitySpec } from './record-builder.js';
import type { AnalysisRecord } from '../../src/contract/analysis-schema.js';

export const EXAMPLES = join(PROJECT_ROOT, 'examples');
export const SAMPLE_FILE = join(EXAMPLES, 'niger-us-forces-2024-03-18.txt');
export const SECOND_FILE = join(EXAMPLES, 'niger-revokes-us-accord-2024-03-17.txt');
export const WIRE_FILE = join(EXAMPLES, 'niger-ends-us-military-deal-wire-2024-03-17.txt');

const USA: EntitySpec = { name: 'United States', type: 'country', code: 'USA', wikidata: 'Q30', aliases: ['US', 'Washington', 'American'] };
const NER: EntitySpec = { name: 'Niger', type: 'country', code: 'NER', wikidata: 'Q1032', aliases: ['Nigerien'] };
const CNSP: EntitySpec = { name: 'National Council for the Safeguard of the Homeland', type: 'organization', code: 'NER', sector: 'GOV', aliases: ['CNSP'] };

export function sampleRecord(): AnalysisRecord {
  const text = readFileSync(SAMPLE_FILE, 'utf8');
  return buildRecord({
    id: 'sample', url: 'https://news.antiwar.com/2024/03/18/us-looking-to-stay-in-niger/', outlet: 'Antiwar.com', published: '2024-03-18', text,
    entities: {
      usa: USA, ner: NER, cnsp: CNSP,
      pentagon: { name: 'Pentagon', type: 'organization', code: 'USA', sector: 'MIL' },
      singh: { name: 'Sabrina Singh', type: 'person', code: 'USA', sector: 'MIL', aliases: ['Singh'], role: 'spokeswoman', affiliation: 'pentagon' },
      abdramane: { name: 'Amadou Abdramane', type: 'person', code: 'NER', sector: 'GOV', role: 'spokesman', affiliation: 'cnsp' },
      wsj: { name: 'The Wall Street Journal', type: 'organization', code: 'USA', sector: 'JRN' },
      iran: { name: 'Iran', type: 'country', code: 'IRN', aliases: ['Tehran'] },
      fra: { name: 'France', type: 'country', code: 'FRA' },
      ecowas: { name: 'ECOWAS', type: 'organization', code: 'ECOWAS', sector: 'IGO', aliases: ['Economic Community of West African States'] },
      bazoum: { name: 'Mohamed Bazoum', type: 'person', code: 'NER', sector: 'GOV', aliases: ['Mahamoud Bazoum', 'Bazoum'], role: 'former President', affiliation: 'ner' },
      base: { name: 'Air Base 201', type: 'facility', code: 'NER' },
    },
    events: [
      { type: 'REQUEST', actor: ['ner'], recipient: ['usa'], evidence: 'an order from the country’s government for US forces to leave', cue: 'order' },
      { type: 'REQUEST', actor: ['usa'], recipient: ['ner'], evidence: 'the US was seeking “clarification” from Niger', cue: 'seeking “clarification”', date: '2024-03-18', speaker: 'singh' },
      { type: 'CONSULT', actor: ['usa'], recipient: ['ner'], evidence: 'is in talks with officials in the military-led government', cue: 'in talks', date: '2024-03-18', speaker: 'singh' },
      { type: 'SANCTION', actor: ['cnsp'], recipient: ['usa'], evidence: 'the CNSP, which took power in a July 2023 coup, said that it was severing military ties with the US', cue: 'severing military ties', date: '2024-03-16/2024-03-17', speaker: 'cnsp', mode: 'discontinue', cameo: '1622', contexts: ['military'] },
      { type: 'CONSULT', actor: ['usa'], recipient: ['ner'], evidence: 'a delegation of US officials visited the country', cue: 'visited' },
      { type: 'ACCUSE', actor: ['usa'], recipient: ['cnsp'], evidence: 'the US accused the CNSP of secretly pursuing a deal to give Tehran access to Niger’s vast uranium reserves', cue: 'accused', speaker: 'wsj' },
      { type: 'RETREAT', actor: ['fra'], evidence: 'a withdrawal that was completed in December', cue: 'withdrawal', date: '2023-12', mode: 'withdraw' },
      { type: 'RETREAT', actor: ['ecowas'], recipient: ['ner'], evidence: 'ECOWAS backed down on its threat, and lifted harsh sanctions', cue: 'lifted harsh sanctions' },
    ],
    quantities: [{ text: '1,000 military personnel', value: 1000, unit: 'personnel' }],
    deployments: [{ force: 'usa', host: 'ner', personnel: 1000, asOf: '2024-03-18', evidence: 'the US has 1,000 military personnel still stationed in Niger', speaker: 'singh' }],
    facilities: [{ name: 'Air Base 201', host: 'ner', operator: 'usa', function: 'drone base', cost: { value: 100000000, currency: 'USD', qualifier: 'over' }, evidence: 'The US has a major drone base in the country that cost over $100 million to build, known as Air Base 201' }],
  });
}

function secondLike(file: string, id: string, url: string, outlet: string, withFrance: boolean): AnalysisRecord {
  const text = readFileSync(file, 'utf8');
  return buildRecord({
    id, url, outlet, published: '2024-03-17', text,
    entities: {
      usa: USA, ner: NER, cnsp: CNSP,
      abdramane: { name: 'Amadou Abdramane', type: 'person', code: 'NER', sector: 'GOV', aliases: ['Abdramane'], role: 'spokesman', affiliation: 'cnsp' },
      phee: { name: 'Molly Phee', type: 'person', code: 'USA', sector: 'GOV', role: 'Assistant Secretary of State for African Affairs', affiliation: 'usa' },
      iran: { name: 'Iran', type: 'country', code: 'IRN' },
      fra: { name: 'France', type: 'country', code: 'FRA' },
      agadez: { name: 'Agadez', type: 'location', code: 'NER', coords: { lat: 16.97, lon: 7.99 } },
    },
    events: [
      { type: 'SANCTION', actor: ['ner'], recipient: ['usa'], evidence: 'Niger\'s military rulers have revoked, with immediate effect, an agreement that allowed American troops and civilian Defense Department staff to operate in the country', cue: 'revoked', date: '2024-03-16', speaker: 'abdramane', mode: 'discontinue', contexts: ['military'] },
      { type: 'CONSULT', actor: ['usa'], recipient: ['ner'], evidence: 'a US delegation led by Assistant Secretary of State for African Affairs Molly Phee visited Niamey', cue: 'visited', mode: 'visit' },
      { type: 'ACCUSE', actor: ['abdramane'], recipient: ['usa'], evidence: 'Abdramane accused the delegation of a "condescending attitude" and of threatening retaliation against Niger', cue: 'accused', date: '2024-03-16' },
      { type: 'ACCUSE', actor: ['usa'], recipient: ['ner'], evidence: 'the American side had also accused Niger of having signed a secret agreement to supply uranium to Iran', cue: 'accused', speaker: 'abdramane' },
      { type: 'SANCTION', actor: ['usa'], recipient: ['ner'], evidence: 'it suspended most security assistance', cue: 'suspended', date: '2023' },
      ...(withFrance ? [{ type: 'RETREAT' as const, actor: ['fra'], recipient: ['ner'], evidence: 'France withdrew its last soldiers from Niger in December', cue: 'withdrew', date: '2023-12', mode: 'withdraw', location: 'ner' }] : []),
    ],
    quantities: [{ text: '1,100 US troops', value: 1100, unit: 'personnel', qualifier: 'about' }],
    deployments: [{ force: 'usa', host: 'ner', personnel: 1100, evidence: 'About 1,100 US troops are deployed in Niger' }],
    facilities: [{ name: 'Air Base 201', host: 'ner', operator: 'usa', function: 'drone facility', cost: { value: 110000000, currency: 'USD', qualifier: 'about' }, evidence: 'Air Base 201 near Agadez, a drone facility built at a cost of about $110 million' }],
  });
}

export function secondRecord(): AnalysisRecord {
  return secondLike(SECOND_FILE, 'sahel-monitor', 'https://sahelmonitor.example/2024/03/17/niger-revokes-us-military-accord', 'Sahel Monitor', true);
}

export function wireRecord(): AnalysisRecord {
  return secondLike(WIRE_FILE, 'west-africa-wire', 'https://westafricawire.example/niger-us-accord', 'West Africa Wire', false);
}
