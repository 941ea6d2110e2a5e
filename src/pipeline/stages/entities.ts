/** entities: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['mentions'],
  sets: ['entities'],
  run(_doc: Doc) {},
};
