/**
 * Hand-built analysis records with known shapes (a US–Niger dyad over a year, an article whose text
 * carries markup), stored through the real Store interface. They make UI and API tests independent
 * of how many events the analyzer finds today. Offsets are computed from the text, never typed.
 */
import { AnalysisRecordSchema, type AnalysisRecord } from '../../src/contract/analysis-schema.js';

type Ent = { id: string; name: string; type: 'country' | 'organization' | 'person' | 'location' | 'group'; code: string | null; sector?: string | null; aliases?: string[]; names: string[] };
type Ev = {
  id: string; type: string; quad: 1 | 2 | 3 | 4; goldstein: number | null; cameo: string | null; actor: string[]; recipient: string[];
  date: string | null; modality?: 'asserted' | 'negated' | 'hypothetical' | 'future'; evidence: string; cue: string;
  speaker?: string; verb?: string; location?: string; rules: string[];
};

function span(text: string, s: string, from = 0): { start: number; end: number } {
  const i = text.indexOf(s, from);
  if (i < 0) throw new Error(`hand record: "${s}" not in text`);
  return { start: i, end: i + s.length };
}

type Fact =
  | { kind: 'deployment'; force: string; host: string; personnel: number; asOf: string | null; evidence: string }
  | { kind: 'facility'; name: string; host: string; operator: string | null; function: string | null; cost: { value: number; currency: string; qualifier: string | null } | null; evidence: string };

function build(id: string, title: string, published: string, url: string, outlet: string, body: string, ents: Ent[], evs: Ev[], facts: Fact[] = []): AnalysisRecord {
  const text = `${title}\n${body}`;
  const entities = ents.map((e) => {
    const mentions: { start: number; end: number; text: string }[] = [];
    for (const n of e.names) {
      let from = title.length; // mentions in the body only: the title may repeat names
      for (;;) {
        const i = text.indexOf(n, from);
        if (i < 0) break;
        mentions.push({ start: i, end: i + n.length, text: n });
        from = i + n.length;
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { id: e.id, name: e.name, type: e.type, code: e.code, sector: e.sector ?? null, wikidata: null, aliases: e.aliases ?? [], mentions };
  });
  const events = evs.map((e) => {
    const ev = span(text, e.evidence, title.length);
    const cue = span(text, e.cue, ev.start);
    return {
      id: e.id, type: e.type, mode: null, contexts: [], actor: e.actor, recipient: e.recipient, date: e.date, modality: e.modality ?? 'asserted',
      attribution: e.speaker || e.verb ? { speaker: e.speaker ?? null, reporter: null, verb: e.verb ?? 'said', quote: false } : null,
      evidence: [ev], cue: { ...cue, text: e.cue }, confidence: 0.9, cameo: e.cameo, quad: e.quad, goldstein: e.goldstein,
      location: e.location ?? null, rules: e.rules,
    };
  });
  return AnalysisRecordSchema.parse({
    schema: 'sitrep.analysis/1',
    article: { id, title, subtitle: null, authors: [], published, url, outlet, language: 'en', text },
    entities, times: [], quantities: [], events,
    facts: facts.map((f) => ({ ...f, speaker: null, evidence: [span(text, f.evidence, title.length)], rule: 'facts.hand-built' })),
  });
}

/** Five US–Niger events from July 2023 to May 2024, one hypothetical, one located in Niamey. */
export function usNigerRecord(): AnalysisRecord {
  const body = [
    'WASHINGTON, May 20 - The United States paused some foreign assistance programs to Niger on August 5, 2023, after the coup.',
    'A senior US delegation met Niger\'s military leaders in Niamey on March 12, 2024.',
    'On March 16, 2024, the CNSP announced it was revoking, with immediate effect, the military cooperation agreement with the United States.',
    'On April 19, 2024, the United States agreed to withdraw its troops from Niger.',
    'Officials said Washington could resume aid to Niger if a transition timetable is agreed.',
    'About 1,000 US military personnel remain in Niger, most of them at Air Base 201 near Agadez, a drone base that cost about $110 million to build.',
  ].join('\n');
  return build('test:us-niger-2024', 'Niger and the United States: a year of strain', '2024-05-20', 'https://news.example.org/niger-us-strain', 'Example News', body, [
    { id: 'e1', name: 'United States', type: 'country', code: 'USA', sector: null, aliases: ['US', 'Washington'], names: ['United States', 'US', 'Washington'] },
    { id: 'e2', name: 'Niger', type: 'country', code: 'NER', names: ['Niger'] },
    { id: 'e3', name: 'National Council for the Safeguard of the Homeland', type: 'organization', code: 'NER', sector: 'MIL', aliases: ['CNSP'], names: ['CNSP'] },
    { id: 'e4', name: 'Niamey', type: 'location', code: 'NER', names: ['Niamey'] },
  ], [
    { id: 'ev1', type: 'SANCTION', quad: 4, goldstein: -4, cameo: '163', actor: ['e1'], recipient: ['e2'], date: '2023-08-05', evidence: 'The United States paused some foreign assistance programs to Niger on August 5, 2023, after the coup.', cue: 'paused some foreign assistance', rules: ['events.sanction.suspend-aid', 'dates.absolute'] },
    { id: 'ev2', type: 'CONSULT', quad: 1, goldstein: 1, cameo: '040', actor: ['e1'], recipient: ['e2'], date: '2024-03-12', evidence: 'A senior US delegation met Niger\'s military leaders in Niamey on March 12, 2024.', cue: 'met', location: 'e4', rules: ['events.consult.meet'] },
    { id: 'ev3', type: 'SANCTION', quad: 4, goldstein: -4, cameo: '161', actor: ['e3'], recipient: ['e1'], date: '2024-03-16', evidence: 'On March 16, 2024, the CNSP announced it was revoking, with immediate effect, the military cooperation agreement with the United States.', cue: 'revoking', speaker: 'e3', verb: 'announced', rules: ['events.sanction.end-agreement', 'attribution.self-announcement'] },
    { id: 'ev4', type: 'RETREAT', quad: 2, goldstein: 5, cameo: '0874', actor: ['e1'], recipient: ['e2'], date: '2024-04-19', evidence: 'On April 19, 2024, the United States agreed to withdraw its troops from Niger.', cue: 'withdraw its troops', rules: ['events.retreat.withdraw-troops'] },
    { id: 'ev5', type: 'AID', quad: 2, goldstein: 7.4, cameo: '070', actor: ['e1'], recipient: ['e2'], date: null, modality: 'hypothetical', evidence: 'Washington could resume aid to Niger if a transition timetable is agreed.', cue: 'resume aid', speaker: undefined, verb: 'said', rules: ['events.aid.resume', 'modality.could-if'] },
  ], [
    { kind: 'deployment', force: 'e1', host: 'e2', personnel: 1000, asOf: '2024-05-20', evidence: 'About 1,000 US military personnel remain in Niger' },
    { kind: 'facility', name: 'Air Base 201', host: 'e2', operator: 'e1', function: 'drone base', cost: { value: 110_000_000, currency: 'USD', qualifier: 'about' }, evidence: 'Air Base 201 near Agadez, a drone base that cost about $110 million to build' },
  ]);
}

/** An article whose title and text carry markup: it must show as text, never run. */
export function markupRecord(): AnalysisRecord {
  const body = 'N\'DJAMENA, Nov 29 - <script>window.__pwned = 1</script> Chad ended its defence cooperation agreement with France on November 28, 2024. <img src=x onerror="window.__pwned = 2">';
  return build('test:chad-france-markup', 'Chad ends defence pact <img src=x onerror="window.__pwned = 3">', '2024-11-29', 'https://news.example.org/chad-france', 'Example Wire', body, [
    { id: 'e1', name: 'Chad', type: 'country', code: 'TCD', names: ['Chad'] },
    { id: 'e2', name: 'France', type: 'country', code: 'FRA', names: ['France'] },
  ], [
    { id: 'ev1', type: 'SANCTION', quad: 4, goldstein: -4, cameo: '161', actor: ['e1'], recipient: ['e2'], date: '2024-11-28', evidence: 'Chad ended its defence cooperation agreement with France on November 28, 2024.', cue: 'ended', rules: ['events.sanction.end-agreement'] },
  ]);
}
