import { generateCorpus } from './dist/bench/corpus.js';
import { analyze } from './dist/src/pipeline/index.js';
const corpus = generateCorpus(150, 1);
for (const a of corpus.slice(0, 20)) analyze({ text: a }, { published: '2024-03-18' });
const t = performance.now();
for (const a of corpus) analyze({ text: a }, { published: '2024-03-18' });
console.log('ms/article', ((performance.now() - t) / corpus.length).toFixed(2), 'rss MB', (process.memoryUsage().rss / 1e6).toFixed(0));
