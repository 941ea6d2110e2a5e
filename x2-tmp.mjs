import { warcReader, newWarcStats } from './dist/src/sources/warc-reader.js';
const stats = newWarcStats(); const t = Date.now(); let peak = 0; const errs = {};
for await (const it of warcReader.readWithStats('/tmp/f.warc.gz', {}, stats)) { peak = Math.max(peak, process.memoryUsage().rss); if (it.kind === 'error') errs[it.reason] = (errs[it.reason] ?? 0) + 1; }
console.log(stats, errs, Date.now() - t, 'ms', (peak / 1e6).toFixed(0), 'MB');
