#!/usr/bin/env node
// Prints entity recognition figures: the sample against its gold file, MEANTIME named-mention recall.
// Usage: npm run build && node scripts/entity-recall.mjs [--missed]   (env SITREP_SHARED overrides ../shared)
import { sharedDir, scoreSampleFromShared, scoreMeantime } from '../dist/src/entities/entity-eval.js';

const shared = sharedDir();
if (!shared) {
  console.error('entity-recall: no shared directory (set SITREP_SHARED or put ../shared beside the project)');
  process.exit(2);
}
const showMissed = process.argv.includes('--missed');
const s = scoreSampleFromShared(shared);
const ok = s.entities.filter((e) => e.found && !e.problems.length).length;
console.log(`sample: entities right ${ok}/${s.entities.length}; gold mention recall ${s.mentions.found}/${s.mentions.total} = ${(s.mentions.found / s.mentions.total).toFixed(3)}`);
for (const e of s.entities) if (!e.found || e.problems.length) console.log(`  ${e.gold.name}: ${e.problems.join('; ')}`);
if (showMissed) for (const m of s.mentions.missed) console.log(`  missed "${m.text}" @${m.start} (${m.entity})`);
const mt = scoreMeantime(shared);
if (mt) {
  console.log(`MEANTIME (${mt.docs} docs): named entity mention recall ${mt.named.found}/${mt.named.total} = ${(mt.named.found / mt.named.total).toFixed(3)} (whole span covered: ${(mt.named.strict / mt.named.total).toFixed(3)})`);
  if (showMissed) for (const m of mt.missed) console.log(`  missed ${m.doc}: "${m.text}"`);
}
