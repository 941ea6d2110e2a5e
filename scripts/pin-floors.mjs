// Raises the floors in eval/baseline.json to today's measured figures (rounded down to 0.01),
// never lowering one. Usage: npm run build && node scripts/pin-floors.mjs [--shared DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const shared = process.argv.includes('--shared') ? process.argv[process.argv.indexOf('--shared') + 1] : '../shared';
const run = (args) => JSON.parse(execFileSync(process.execPath, ['bin/sitrep.js', 'eval', ...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const base = JSON.parse(readFileSync('eval/baseline.json', 'utf8'));

function get(obj, path) {
  let cur = obj;
  for (const k of path.split('.')) { if (cur == null) return undefined; cur = cur[k]; }
  if (cur && typeof cur === 'object' && 'value' in cur) cur = cur.value;
  return typeof cur === 'number' ? cur : undefined;
}
function pin(section, report, prefix) {
  for (const key of Object.keys(base[section])) {
    const alt = key.replace(/\.(precision|recall|f1)$/, '.prf.$1');
    const v = get(report, prefix + key) ?? get(report, 'totals.' + key) ?? get(report, 'totals.' + alt) ?? get(report, 'metrics.' + key);
    if (v === undefined) { console.error(`  ${section}.${key}: not found in the report, left at ${base[section][key]}`); continue; }
    const floor = Math.floor(v * 100) / 100;
    if (floor > base[section][key]) { console.error(`  ${section}.${key}: ${base[section][key]} → ${floor}`); base[section][key] = floor; }
  }
}
pin('gold', run([`${shared}/gold`]), '');
pin('dev', run(['--dev', `${shared}/dev`]), '');
base.measured = new Date().toISOString().slice(0, 10) + ', pinned by scripts/pin-floors.mjs';
writeFileSync('eval/baseline.json', JSON.stringify(base, null, 2) + '\n');
