#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (npm ci runs `prepare`, which builds dist/).
import { main } from '../dist/src/cli/main.js';
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
);
