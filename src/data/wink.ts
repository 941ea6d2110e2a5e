/**
 * The one wink-nlp instance of the process (sentence boundaries + POS; lemmas are computed from
 * POS on demand). Loading a wink model costs ~0.3 s and ~20 MB, so the tokens stage and the
 * lexicon builders share this one instead of each loading their own.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** The shared wink instance. @example sharedWink().readDoc('Niger said.').tokens().out() → ['Niger', 'said', '.'] */
export function sharedWink(): Wink {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}
