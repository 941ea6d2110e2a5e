/** modality: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const modalityStage: Stage = {
  name: 'modality',
  requires: ['events'],
  sets: ['events'],
  run(_doc: Doc) {},
};
