/** events: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const eventsStage: Stage = {
  name: 'events',
  requires: ['entities'],
  sets: ['events'],
  run(_doc: Doc) {},
};
