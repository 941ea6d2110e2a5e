/**
 * Security headers on every response, and a strict Content-Security-Policy: the UI is Vite output in
 * separate files (no inline script or style), so nothing but same-origin code may run, and an article
 * that somehow reached the DOM as markup could still not execute or phone home.
 */
import type { MiddlewareHandler } from 'hono';

/** The UI's policy: same-origin scripts, styles, data and images only; no framing, no plugins, no <base>. */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON and other non-page responses load nothing at all. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * Adds the headers after the handler ran, so a route may not forget them.
 * @example app.use('*', securityHeaders())
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const type = h.get('content-type') ?? '';
    h.set('Content-Security-Policy', type.startsWith('text/html') ? UI_CSP : API_CSP);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
