/** facts: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const factsStage: Stage = {
  name: 'facts',
  requires: ['events'],
  sets: ['facts'],
  run(_doc: Doc) {},
};
