import type { Doc } from '../pipeline/doc.js';

/** `--explain`: for each event, the rules that produced it, and the stage trace. */
export function explainReport(doc: Doc): string {
  const lines: string[] = ['', '== explain =='];
  for (const e of doc.events) {
    lines.push(`${e.id} ${e.type}  cue "${doc.text.slice(e.cue.start, e.cue.end)}"`);
    for (const r of e.rules) lines.push(`    ${r}`);
  }
  if (doc.trace.length) {
    lines.push('', '-- trace --');
    for (const t of doc.trace) lines.push(`[${t.stage}] ${t.rule}${t.span ? ` "${doc.text.slice(t.span.start, t.span.end)}"` : ''}: ${t.detail}`);
  }
  return lines.join('\n') + '\n';
}
