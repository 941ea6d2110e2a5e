/** Runs the knowledge-base bench section alone: `node dist/bench/kb-runner.js` (see bench/sections/kb.ts for sizes). */
import { run } from './sections/kb.js';

await run();
