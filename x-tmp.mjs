import { readFileSync, readdirSync } from 'node:fs';
import { extractHtml } from './dist/src/sources/html-extract.js';
import { decodeBytes } from './dist/src/sources/text-decode.js';
for (const f of readdirSync('test/fixtures/html')) {
  const t = Date.now();
  const d = decodeBytes(readFileSync('test/fixtures/html/' + f));
  const r = extractHtml(d.text, { url: 'https://x.example/' + f });
  console.log('====', f, Date.now() - t, 'ms');
  console.log(JSON.stringify(r.ok ? { ...r.value, input: { ...r.value.input, text: undefined } } : r));
  if (r.ok) console.log(r.value.input.text);
}
