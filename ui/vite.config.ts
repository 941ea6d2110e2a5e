// Builds the web UI into dist/ui: plain TypeScript, everything bundled (no CDN, no runtime fetches
// besides the app's own /api). Scripts and styles are separate files so the strict CSP holds.
import { defineConfig, type Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** `virtual:countries`: [ISO3, ISO numeric, common name, lat, lng] for every country, from world-countries. */
function countriesModule(): Plugin {
  const id = 'virtual:countries';
  return {
    name: 'sitrep-countries',
    resolveId: (s) => (s === id ? '\0' + id : null),
    load(s) {
      if (s !== '\0' + id) return null;
      const all = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as
        { cca3: string; ccn3: string; name: { common: string }; latlng: [number, number] }[];
      const rows = all.map((c) => [c.cca3, c.ccn3, c.name.common, c.latlng[0], c.latlng[1]]);
      return `export default ${JSON.stringify(rows)};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  plugins: [countriesModule()],
  build: {
    outDir: fileURLToPath(new URL('../dist/ui', import.meta.url)),
    emptyOutDir: true,
    // The preload polyfill would be an inline script, which the CSP forbids; modern browsers need none.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
  },
});
