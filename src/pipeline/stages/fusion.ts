/** fusion: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const fusionStage: Stage = {
  name: 'fusion',
  requires: ['events'],
  sets: ['events'],
  run(_doc: Doc) {},
};
