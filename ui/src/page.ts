import { h, mount } from './dom.js';
import type { Route } from './router.js';
import { ApiFailure } from './api.js';

/** A page renders into `root`; it may return a cleanup (timers, listeners) run on navigation. */
export type Page = (root: HTMLElement, route: Route) => Promise<void | (() => void)>;

/** Shows a failure in place, never a blank screen. */
export function showError(root: HTMLElement, e: unknown): void {
  mount(root, errorBox(e));
}

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof ApiFailure
    ? (e.status === 401 ? 'This server requires an API token: set it on the Ingest page.' : `${e.message} (${e.code})`)
    : e instanceof Error ? e.message : String(e);
  return h('div', { class: 'error', role: 'alert' }, msg);
}

export function loading(what = 'Loading'): HTMLElement {
  return h('p', { class: 'muted loading' }, `${what}…`);
}
