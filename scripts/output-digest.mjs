// Digest of analyze's full JSON output over examples/ and a generated corpus (with and without a
// publication date): a performance change must leave it unchanged. Usage: node scripts/output-digest.mjs [n]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { generateCorpus } from '../dist/bench/corpus.js';
import { analyze } from '../dist/src/pipeline/index.js';
const n = Number(process.argv[2] ?? 500);
const texts = readdirSync('examples').filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`examples/${f}`, 'utf8'));
texts.push(...generateCorpus(n, 1));
const all = createHash('sha256');
texts.forEach((t, i) => {
  const published = i % 3 === 2 ? undefined : '2024-03-18';
  const out = JSON.stringify(analyze({ text: t, published }, { published }));
  all.update(out);
  if (process.env.DIGEST_EACH) console.log(i, createHash('sha256').update(out).digest('hex').slice(0, 12));
});
console.log(`${texts.length} texts ${all.digest('hex')}`);
