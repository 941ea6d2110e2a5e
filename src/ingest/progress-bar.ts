/**
 * Progress of a long ingest on stderr: a bar redrawn in place on a terminal (at most 10 times
 * a second), a plain line every few seconds otherwise (logs, CI), nothing for short runs.
 */
import type { IngestProgress } from './ingest.js';

export interface ProgressBarOptions {
  stream?: NodeJS.WriteStream;
  /** force plain lines (no redraw) */
  plain?: boolean;
  /** seconds between plain lines */
  every?: number;
}

function clock(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), x = Math.floor(s % 60);
  return (h ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + ':' + String(x).padStart(2, '0');
}

/** One line of progress: counts, rate and (when the total is known) a bar and an ETA. */
export function progressLine(p: IngestProgress, width = 24): string {
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? p.done / secs : 0;
  const counts = `${p.done}${p.total !== null ? '/' + p.total : ''} items · ${rate.toFixed(1)}/s · ${p.new} new · ${p.replaced} replaced · ${p.unchanged} unchanged · ${p.duplicates} copies · ${p.newEvents} events (+${p.fusedEvents} fused) · ${p.failed} failed`;
  if (p.total === null || p.total === 0) return `${counts} · ${clock(secs)}`;
  const frac = Math.min(1, p.done / p.total);
  const fill = Math.round(frac * width);
  const eta = rate > 0 ? (p.total - p.done) / rate : Infinity;
  return `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${(frac * 100).toFixed(0)}% ${counts} · ETA ${clock(eta)}`;
}

export function progressBar(opts: ProgressBarOptions = {}): { update: (p: IngestProgress) => void; done: () => void } {
  const stream = opts.stream ?? process.stderr;
  const tty = !opts.plain && !!stream.isTTY;
  const every = (opts.every ?? 5) * 1000;
  let last = 0;
  let drawn = false;
  let latest: IngestProgress | null = null;
  return {
    update(p) {
      latest = p;
      const now = Date.now();
      if (tty) {
        if (now - last < 100 || p.elapsedMs < 500) return;
        last = now;
        const cols = stream.columns || 120;
        stream.write('\r' + progressLine(p).slice(0, cols - 1).padEnd(Math.min(cols - 1, 160)));
        drawn = true;
      } else if (p.elapsedMs >= every && now - last >= every) {
        last = now;
        stream.write(progressLine(p) + '\n');
      }
    },
    done() {
      if (tty && drawn && latest) stream.write('\r' + progressLine(latest).slice(0, (stream.columns || 120) - 1) + '\n');
    },
  };
}
