/**
 * Throughput of the times and quantities stages on the sample article repeated 200 times (one
 * Doc), next to the bare wink tokenizer and the token stage on the same text, in the same run.
 * Run: npm run build && node dist/bench/times-quantities-bench.js [path-to-article] [repeats]
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { newDoc } from '../src/pipeline/index.js';
import { layoutStage } from '../src/pipeline/stages/layout.js';
import { tokensStage } from '../src/pipeline/stages/tokens.js';
import { timesStage } from '../src/pipeline/stages/times.js';
import { quantitiesStage } from '../src/pipeline/stages/quantities.js';
import { PROJECT_ROOT, SHARED_DIR } from '../src/util/paths.js';

const shared = process.env.SITREP_SHARED || SHARED_DIR;
const candidates = [process.argv[2], join(PROJECT_ROOT, 'examples', 'niger-us-forces-2024-03-18.txt'), join(shared, 'fixtures', 'niger-us-forces-2024-03-18.txt')];
const file = candidates.find((f) => f && existsSync(f));
if (!file) { console.error('times-quantities-bench: no sample article found (give a path or set SITREP_SHARED)'); process.exit(2); }
const repeats = Number(process.argv[3] ?? 200);
const body = readFileSync(file, 'utf8').split('\nAuthor:')[0];
const text = Array.from({ length: repeats }, () => body).join('\n\n');

const ms = (f: () => void) => { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6; };

const nlp = winkNLP(model, ['sbd', 'pos']);
let bareTokens = 0;
nlp.readDoc(body); // warm-up
const bare = ms(() => { bareTokens = nlp.readDoc(text).tokens().length(); });

const doc = newDoc({ text }, { published: '2024-03-18' });
const t0 = ms(() => { layoutStage.run(doc); tokensStage.run(doc); });
const tokens = doc.tokens.length;
// warm the lexicons and chrono once on a small doc so compile time is not charged per stage
{ const w = newDoc({ text: body }, { published: '2024-03-18' }); layoutStage.run(w); tokensStage.run(w); timesStage.run(w); quantitiesStage.run(w); }
const tTimes = ms(() => timesStage.run(doc));
const tQty = ms(() => quantitiesStage.run(doc));

const rate = (n: number, m: number) => Math.round(n / (m / 1000)).toLocaleString('en-US');
console.log(`text: ${file} x${repeats} = ${text.length.toLocaleString('en-US')} chars, ${tokens.toLocaleString('en-US')} tokens`);
console.log(`bare wink tokenizer : ${rate(bareTokens, bare)} tokens/s (${bare.toFixed(0)} ms)`);
console.log(`layout + tokens     : ${rate(tokens, t0)} tokens/s (${t0.toFixed(0)} ms)`);
console.log(`times stage         : ${rate(tokens, tTimes)} tokens/s (${tTimes.toFixed(0)} ms, ${doc.times.length} times)`);
console.log(`quantities stage    : ${rate(tokens, tQty)} tokens/s (${tQty.toFixed(0)} ms, ${doc.quantities.length} quantities)`);
console.log(`times + quantities  : ${rate(tokens, tTimes + tQty)} tokens/s`);
