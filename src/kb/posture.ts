/**
 * Force posture per host country from the records' facts: deployments (who has how many
 * personnel where, as of when) and facilities (bases, their operator, function and cost), each
 * with every source. Reports giving different figures stay separate observations: "1,000 US
 * troops" and "1,100 US troops" are both shown with their sources, never averaged.
 */
import type { ActorRef, DeploymentObservation, PostureSource, PostureView } from '../store/store.js';
import { normName } from './normalize.js';

export interface FactRow {
  kind: 'deployment' | 'facility';
  force: ActorRef | null;
  forceKey: string | null;
  personnel: number | null;
  asOf: string | null;
  asOfFromPub: boolean;
  name: string | null;
  operator: ActorRef | null;
  function: string | null;
  cost: { value: number; currency: string; qualifier: string | null } | null;
  source: PostureSource;
}

/** Groups fact rows into deployments by force and facilities by name (pure). */
export function groupPosture(rows: readonly FactRow[], forceDisplay: (key: string, first: ActorRef) => ActorRef): Pick<PostureView, 'deployments' | 'facilities'> {
  const deps = new Map<string, { force: ActorRef; obs: Map<string, DeploymentObservation> }>();
  const facs = new Map<string, PostureView['facilities'][number] & { votes: Map<string, number> }>();
  for (const r of rows) {
    if (r.kind === 'deployment' && r.force && r.personnel !== null) {
      const key = r.forceKey ?? r.force.id;
      const d = deps.get(key) ?? { force: forceDisplay(key, r.force), obs: new Map() };
      deps.set(key, d);
      const ok = `${r.personnel}|${r.asOf ?? ''}`;
      const o = d.obs.get(ok) ?? { personnel: r.personnel, asOf: r.asOf, asOfFromPublication: r.asOfFromPub, sources: [] };
      // A figure dated in the text beats the same figure dated only by publication.
      if (!r.asOfFromPub) o.asOfFromPublication = false;
      o.sources.push(r.source);
      d.obs.set(ok, o);
    } else if (r.kind === 'facility' && r.name) {
      const key = normName(r.name);
      const pub = r.source.article.published?.slice(0, 10) ?? null;
      const f = facs.get(key) ?? { name: r.name as string, operator: r.operator, function: r.function, cost: r.cost, firstReported: pub, lastReported: pub, sources: [] as PostureSource[], votes: new Map<string, number>() };
      if (!f.operator && r.operator) f.operator = r.operator;
      if (!f.function && r.function) f.function = r.function;
      if (!f.cost && r.cost) f.cost = r.cost;
      if (pub && (!f.firstReported || pub < f.firstReported)) f.firstReported = pub;
      if (pub && (!f.lastReported || pub > f.lastReported)) f.lastReported = pub;
      f.sources.push(r.source);
      facs.set(key, f);
    }
  }
  const deployments = [...deps.values()].map((d) => {
    const observations = [...d.obs.values()].sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? '') || b.sources.length - a.sources.length);
    // The latest date; on one date, the figure most sources give.
    const lastDate = observations.length ? observations[observations.length - 1].asOf : null;
    const latest = observations.filter((o) => o.asOf === lastDate).sort((a, b) => b.sources.length - a.sources.length)[0] ?? null;
    return { force: d.force, observations, latest };
  }).sort((a, b) => (b.latest?.personnel ?? 0) - (a.latest?.personnel ?? 0) || a.force.name.localeCompare(b.force.name));
  const facilities = [...facs.values()].map(({ votes: _v, ...f }) => f).sort((a, b) => a.name.localeCompare(b.name));
  return { deployments, facilities };
}
