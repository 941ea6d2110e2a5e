/** Pieces shared by the pages that show events. */
import { h, QUAD_NAMES } from './dom.js';
import { link } from './router.js';
import type { ActorRef, EventView } from './api.js';

/** Mirrors PLOVER_TYPES in src/contract/analysis-schema.ts (kept out of the bundle: it pulls in zod). */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export const MODALITIES = ['asserted', 'negated', 'hypothetical', 'future'] as const;

export function actorLabel(a: ActorRef): string {
  return a.code && a.type !== 'country' && a.name !== a.code ? `${a.name} (${a.code})` : a.name;
}

export function actorLinks(refs: ActorRef[]): HTMLElement {
  if (refs.length === 0) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'actors' }, refs.map((a, i) => [
    i > 0 ? ' + ' : null,
    h('a', { href: link(['actor', a.id]), title: [a.type, a.code, a.sector].filter(Boolean).join(' · ') }, actorLabel(a)),
  ]));
}

export function typeBadge(ev: Pick<EventView, 'type' | 'quad' | 'mode' | 'cameo'>): HTMLElement {
  return h('span', { class: `badge quad-${ev.quad}`, title: `${QUAD_NAMES[ev.quad]}${ev.cameo ? ` · CAMEO ${ev.cameo}` : ''}${ev.mode ? ` · mode ${ev.mode}` : ''}` }, ev.type);
}

export function modalityTag(m: string): HTMLElement | null {
  return m === 'asserted' ? null : h('span', { class: `tag modality-${m}` }, m);
}

/** The link that opens an event's first report in the article view, the event selected. */
export function evidenceLink(ev: EventView): string | null {
  const r = ev.reports[0];
  return r ? link(['article', r.article.id], { ev: r.recordEventId }) : null;
}

export function eventDate(ev: EventView): string {
  if (ev.date) return ev.date;
  if (ev.dateLo) return ev.dateFromPublication ? `${ev.dateLo} (published)` : ev.dateLo;
  return '—';
}

/** Goldstein score, or a stand-in by quad class when the type has none (for plotting). */
export function yScore(ev: EventView): number {
  if (ev.goldstein !== null) return ev.goldstein;
  return ({ 1: 3, 2: 6, 3: -3, 4: -7 } as Record<number, number>)[ev.quad];
}

export function quadColor(q: number): string {
  return ({ 1: '#3f8f5f', 2: '#1f6f9f', 3: '#d08a2a', 4: '#c0392b' } as Record<number, string>)[q] ?? '#777';
}
