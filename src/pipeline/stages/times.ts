/** times: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const timesStage: Stage = {
  name: 'times',
  requires: ['tokens'],
  sets: ['times'],
  run(_doc: Doc) {},
};
