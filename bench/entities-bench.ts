/**
 * Throughput of the mentions and entities stages, next to the bare wink tokenizer on the same
 * texts in the same run (CPU time, so a busy machine does not distort the ratio).
 * Usage: npx tsc -p . && node dist/bench/entities-bench.js [FILE…]  (default: the sample, repeated)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyzeDoc, STAGES } from '../src/pipeline/index.js';
import { mentionsStage } from '../src/pipeline/stages/mentions.js';
import { entitiesStage } from '../src/pipeline/stages/entities.js';
import { PROJECT_ROOT } from '../src/util/paths.js';

const files = process.argv.slice(2);
const texts = (files.length ? files : [join(PROJECT_ROOT, 'examples', 'niger-us-forces-2024-03-18.txt')]).map((f) => readFileSync(f, 'utf8'));
const N = Number(process.env.BENCH_DOCS ?? 200);
const upTo = STAGES.findIndex((s) => s.name === 'mentions');
const before = STAGES.slice(0, upTo);
// vary each copy a little so no stage can cache across documents
const inputs = Array.from({ length: N }, (_, i) => texts[i % texts.length] + `\n\nParagraph ${i}.`);
const docs = inputs.map((text) => analyzeDoc({ text }, { published: '2024-03-18' }, before));
const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

for (const d of docs.slice(0, 5)) { mentionsStage.run(d); entitiesStage.run(d); } // warm-up, lexicon build
let c0 = cpu();
for (const d of docs) mentionsStage.run(d);
const mentionsMs = cpu() - c0;
c0 = cpu();
for (const d of docs) entitiesStage.run(d);
const entitiesMs = cpu() - c0;
const nlp = winkNLP(model);
nlp.readDoc(inputs[0]);
c0 = cpu();
for (const text of inputs) nlp.readDoc(text).tokens().out();
const winkMs = cpu() - c0;

const rate = (ms: number) => Math.round(tokens / ms * 1000).toLocaleString('en-US');
console.log(`${N} documents, ${tokens} tokens (CPU time)`);
console.log(`  mentions stage:        ${rate(mentionsMs)} tokens/s`);
console.log(`  entities stage:        ${rate(entitiesMs)} tokens/s`);
console.log(`  mentions + entities:   ${rate(mentionsMs + entitiesMs)} tokens/s`);
console.log(`  bare wink tokenizer:   ${rate(winkMs)} tokens/s`);
console.log(`  share of a tokenizer pass: ${((mentionsMs + entitiesMs) / winkMs).toFixed(2)}×`);
