/** quantities: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const quantitiesStage: Stage = {
  name: 'quantities',
  requires: ['tokens'],
  sets: ['quantities'],
  run(_doc: Doc) {},
};
