/** Hash routing (#/events?actor=NER): no server fallback needed, and every view is a shareable link. */

export interface Route {
  /** path segments after "#/", decoded: ["article", "sha256:ab…"] */
  path: string[];
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const path = pathPart.split('/').filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  return { path, params };
}

/**
 * Builds a hash link. @example link(['article', id], { ev: 'e3' }) // "#/article/sha256%3A…?ev=e3"
 */
export function link(path: string[], params: Record<string, string | number | null | undefined> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const q = p.toString();
  return '#/' + path.map(encodeURIComponent).join('/') + (q ? `?${q}` : '');
}

export function go(path: string[], params: Record<string, string | number | null | undefined> = {}): void {
  location.hash = link(path, params);
}
