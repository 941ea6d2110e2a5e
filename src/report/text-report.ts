import type { AnalysisRecord } from '../contract/analysis-schema.js';

/** The report an analyst reads: headline, timeline of events, evidence, facts. (Fleshed out with the events stage.) */
export function textReport(r: AnalysisRecord): string {
  const lines = [r.article.title ?? '(untitled)', ''];
  for (const e of r.events) lines.push(`${e.date ?? '????'}  ${e.type}  ${e.modality}`);
  return lines.join('\n') + '\n';
}
