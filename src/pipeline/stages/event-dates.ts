/** event-dates: not implemented yet (skeleton). */
import type { Doc, Stage } from '../doc.js';

export const eventDatesStage: Stage = {
  name: 'event-dates',
  requires: ['events'],
  sets: ['events'],
  run(_doc: Doc) {},
};
