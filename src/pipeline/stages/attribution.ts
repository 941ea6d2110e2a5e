/** attribution: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const attributionStage: Stage = {
  name: 'attribution',
  requires: ['events'],
  sets: ['events'],
  run(_doc: Doc) {},
};
