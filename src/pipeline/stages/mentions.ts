/** mentions: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const mentionsStage: Stage = {
  name: 'mentions',
  requires: ['tokens'],
  sets: ['mentions'],
  run(_doc: Doc) {},
};
