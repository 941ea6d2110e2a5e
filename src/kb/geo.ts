/**
 * Country centroids from the world-countries package (bundled data, no network), for placing
 * events located in a country when the analyzer gave no finer coordinates.
 */
import { createRequire } from 'node:module';

let centroids: Map<string, { lat: number; lon: number }> | null = null;

/** @example countryCentroid('NER') // { lat: 16, lon: 8 } */
export function countryCentroid(iso3: string): { lat: number; lon: number } | null {
  if (!centroids) {
    const require = createRequire(import.meta.url);
    const list = require('world-countries') as { cca3: string; latlng: [number, number] }[];
    centroids = new Map(list.filter((c) => Array.isArray(c.latlng) && c.latlng.length === 2).map((c) => [c.cca3, { lat: c.latlng[0], lon: c.latlng[1] }]));
  }
  return centroids.get(iso3.toUpperCase()) ?? null;
}
