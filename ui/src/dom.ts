/**
 * Small DOM helpers. Untrusted text (article text, names, evidence) only ever becomes a Text node or
 * an attribute value: nothing here accepts markup, so an article cannot inject HTML.
 */

export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

function append(el: Element, kids: Child[]): void {
  for (const k of kids) {
    if (k === null || k === undefined || k === false) continue;
    if (Array.isArray(k)) append(el, k);
    else if (k instanceof Node) el.appendChild(k);
    else el.appendChild(document.createTextNode(String(k)));
  }
}

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') {
      el.addEventListener(k.replace(/^on/, ''), v);
    } else if (k === 'style') {
      // Inline style attributes would need 'unsafe-inline' under the CSP.
      throw new Error('use classes or el.style, not a style attribute');
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

/**
 * Creates an HTML element; strings among the children become text nodes.
 * @example h('a', { href: '#/events' }, 'Events')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...kids: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs ?? undefined);
  append(el, kids);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element. @example s('circle', { cx: 4, cy: 4, r: 3 }) */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...kids: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs ?? undefined);
  append(el, kids);
  return el;
}

/** Replaces every child of `el`. */
export function mount(el: Element, ...kids: Child[]): void {
  el.replaceChildren();
  append(el, kids);
}

/** A floating tooltip that follows the pointer; its content is text only. */
export function tooltip(): { show(ev: MouseEvent, lines: string[]): void; hide(): void; el: HTMLElement } {
  let el = document.getElementById('tooltip');
  if (!el) {
    el = h('div', { id: 'tooltip', class: 'tooltip', role: 'tooltip' });
    document.body.appendChild(el);
  }
  const t = el;
  return {
    el: t,
    show(ev, lines) {
      mount(t, ...lines.map((l) => h('div', null, l)));
      t.classList.add('visible');
      t.style.left = `${Math.min(ev.clientX + 14, window.innerWidth - 340)}px`;
      t.style.top = `${ev.clientY + 14}px`;
    },
    hide() {
      t.classList.remove('visible');
    },
  };
}

export function fmtDate(d: string | null | undefined): string {
  return d ?? '—';
}

export const QUAD_NAMES: Record<number, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};
