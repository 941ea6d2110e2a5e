/**
 * `analyze` on one thread next to the bare wink tokenizer (winkNLP(model, []) → readDoc →
 * tokens) over the same generated corpus, in the same process. Both rates use the bare
 * tokenizer's token count, so "tokens/s" means the same tokens for both.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { analyze, newDoc, STAGES } from '../../src/pipeline/index.js';
import { toRecord } from '../../src/pipeline/record.js';
import { sharedWink } from '../../src/data/wink.js';
import { generateCorpus } from '../corpus.js';
import type { BenchContext, BenchResult, BenchSection } from '../section.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Peak RSS of the pipeline alone: the same corpus analysed in a fresh process that loads nothing
 * else (this process also holds the bench's own bare wink model and timing instruments).
 */
function pipelinePeakRssMb(n: number, seed: number): number | null {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const script = `
    const { analyze } = await import(${JSON.stringify(new URL('../../src/pipeline/index.js', import.meta.url).href)});
    const { generateCorpus } = await import(${JSON.stringify(new URL('../corpus.js', import.meta.url).href)});
    for (const t of generateCorpus(${n}, ${seed})) analyze({ text: t }, { published: '2024-03-18' });
    process.stdout.write(String(process.resourceUsage().maxRSS / 1024));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8', maxBuffer: 1 << 20 });
  const v = Number(r.stdout);
  return r.status === 0 && Number.isFinite(v) ? v : null;
}

function seconds(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export const analyzeSection: BenchSection = {
  name: 'analyze',
  description: 'sitrep analyze (one thread) vs the bare wink tokenizer on the same corpus',
  run(ctx: BenchContext): BenchResult {
    const n = Math.max(500, Math.round(500 * ctx.scale));
    const corpus = generateCorpus(n, ctx.seed);
    const chars = corpus.reduce((s, t) => s + t.length, 0);
    const nlp = winkNLP(model, []);
    const tokenize = (t: string) => nlp.readDoc(t).tokens().length();

    // Warm up both (JIT, lazy lexicon loading) on a slice that is then measured again in full.
    for (const t of corpus.slice(0, 20)) { tokenize(t); analyze({ text: t, published: '2024-03-18' }, { published: '2024-03-18' }); }

    const loadedMb = process.resourceUsage().maxRSS / 1024;
    // Interleaved in chunks, so that load from other processes on a shared machine falls on all
    // three measurements alike and the ratio stays meaningful.
    // the pipeline's own instance (sbd + pos): a second model load would only add ~20 MB to the RSS
    const tagger = sharedWink();
    for (const t of corpus.slice(0, 20)) tagger.readDoc(t).tokens().out(tagger.its.pos);
    let tokens = 0, events = 0, entities = 0;
    let tokSecs = 0, tagSecs = 0, anaSecs = 0;
    const CHUNK = 50;
    for (let i = 0; i < corpus.length; i += CHUNK) {
      const part = corpus.slice(i, i + CHUNK);
      tokSecs += seconds(() => { for (const t of part) tokens += tokenize(t); });
      // What the tokens stage itself asks of wink (sentences + POS): the floor under the pipeline.
      tagSecs += seconds(() => { for (const t of part) tagger.readDoc(t).tokens().out(tagger.its.pos); });
      anaSecs += seconds(() => {
        for (const t of part) {
          const rec = analyze({ text: t, published: '2024-03-18' }, { published: '2024-03-18' });
          events += rec.events.length;
          entities += rec.entities.length;
        }
      });
      ctx.log(`${Math.min(i + CHUNK, n)}/${n} articles`);
    }
    // Where the time goes: each stage timed separately over the corpus once more.
    const perStage = new Map<string, number>(STAGES.map((st) => [st.name, 0]));
    let recordSecs = 0;
    for (const t of corpus) {
      const doc = newDoc({ text: t, published: '2024-03-18' }, { published: '2024-03-18' });
      for (const st of STAGES) perStage.set(st.name, perStage.get(st.name)! + seconds(() => st.run(doc)));
      recordSecs += seconds(() => toRecord(doc));
    }
    const stageTotal = [...perStage.values()].reduce((a, b) => a + b, 0) + recordSecs;
    const stageRows = [...perStage.entries(), ['record', recordSecs] as [string, number]]
      .filter(([, secs]) => secs / stageTotal >= 0.01)
      .map(([name, secs]) => ({ metric: `  stage ${name}`, value: (100 * secs / stageTotal).toFixed(1), unit: '% of time', note: `${(1000 * secs / n).toFixed(2)} ms/article` }));
    const benchRssMb = process.resourceUsage().maxRSS / 1024;
    const rssMb = pipelinePeakRssMb(n, ctx.seed) ?? benchRssMb;
    const tokRate = n / tokSecs, anaRate = n / anaSecs;
    const ratio = anaRate / tokRate;
    return {
      rows: [
        { metric: 'corpus', value: n, unit: 'articles', note: `${tokens.toLocaleString('en-US')} tokens, ${(chars / 1e6).toFixed(2)} M chars, seed ${ctx.seed}` },
        { metric: 'bare tokenizer', value: tokRate.toFixed(1), unit: 'articles/s', note: `${Math.round(tokens / tokSecs).toLocaleString('en-US')} tokens/s` },
        { metric: 'wink sbd+pos tagger', value: (n / tagSecs).toFixed(1), unit: 'articles/s', note: `${Math.round(tokens / tagSecs).toLocaleString('en-US')} tokens/s (what the tokens stage runs)` },
        { metric: 'analyze (1 thread)', value: anaRate.toFixed(1), unit: 'articles/s', note: `${Math.round(tokens / anaSecs).toLocaleString('en-US')} tokens/s` },
        { metric: 'analyze / tokenizer', value: ratio.toFixed(3), unit: '×' },
        ...stageRows,
        { metric: 'output', value: events, unit: 'events', note: `${entities} entities` },
        { metric: 'peak RSS', value: rssMb.toFixed(0), unit: 'MB', note: 'analyze alone over the same corpus, in a fresh process' },
        { metric: 'bench process RSS', value: benchRssMb.toFixed(0), unit: 'MB', note: `maxRSS of this process (${loadedMb.toFixed(0)} MB after warm-up; adds the bench's own bare wink model and instruments)` },
      ],
      targets: [
        { name: 'analyze ≥ 1/4 of bare tokenizer throughput', ok: ratio >= 0.25, detail: `${ratio.toFixed(3)}` },
        { name: 'peak RSS < 300 MB', ok: rssMb < 300, detail: `${rssMb.toFixed(0)} MB` },
      ],
    };
  },
};
