/**
 * The Doc: one object owns the article text; every annotation is a set of offsets into
 * `doc.text` (half-open, UTF-16 code units), never a copy (cf. spaCy's Span, compromise's pointers).
 * Stages read and extend it in order (see ./index.ts). Each annotation remembers the rule that
 * produced it and a confidence, which `--explain` and the UI's "why?" show.
 */
import type { EntityType, Modality, PloverType } from '../contract/analysis-schema.js';

export interface Span { start: number; end: number }

/** Why an annotation exists: the rule (a stable dotted name) and how sure it is. */
export interface Why { rule: string; confidence: number }

/** What the caller gives the analyzer. */
export interface ArticleInput {
  text: string;
  id?: string | null;
  title?: string | null;
  subtitle?: string | null;
  published?: string | null; // ISO 8601 date or date-time
  url?: string | null;
  outlet?: string | null;
  authors?: string[];
  language?: string | null;
}

export interface AnalyzeOptions {
  /** Publication date (ISO 8601); the anchor for relative times. Overrides input.published. */
  published?: string | null;
  /** Record rule traces in doc.trace (for --explain). */
  explain?: boolean;
}

/** Where a sentence sits in the article. */
export type Zone = 'title' | 'subtitle' | 'body';

export interface Layout {
  title: Span | null;
  subtitle: Span | null;
  /** Spans of the original input kept out of the analysis (byline, author bio, boilerplate). */
  removed: { text: string; reason: string }[];
  authors: string[];
  /** Paragraph spans in doc.text (title and subtitle are paragraphs too). */
  paragraphs: (Span & { zone: Zone })[];
}

export interface Token extends Span {
  i: number;
  text: string;
  /** lower-cased text with curly quotes/apostrophes folded to straight ones */
  norm: string;
  lemma: string;
  /** Universal POS tag (wink-nlp): NOUN, PROPN, VERB, AUX, ADP, DET, PRON, PART, PUNCT, NUM, ADJ, ADV, CCONJ, SCONJ ... */
  pos: string;
  sent: number;
}

export interface Sentence extends Span {
  i: number;
  /** token index range [tokStart, tokEnd) */
  tokStart: number;
  tokEnd: number;
  zone: Zone;
  paragraph: number;
}

export type MentionKind =
  | 'name' // "Niger", "Sabrina Singh", "the Pentagon"
  | 'acronym' // "CNSP", "ECOWAS"
  | 'demonym' // "Nigerien", "American"
  | 'capital' // "Tehran" used for Iran's government
  | 'descriptor' // "the military-led government", "the country's government", "the junta"
  | 'short' // "Singh" after "Sabrina Singh"
  | 'pronoun'; // "it", "its", "they" (only when resolved)

/**
 * What the mentions stage read about a mention, for the entities stage and for stages that take
 * actors from mentions (optional: a mention made by hand needs none of it).
 */
export interface MentionRef {
  /** the referent's key: a catalogue key ("country:NER", "igo:united-nations") or a name key ("person:sabrina-singh"); null for descriptors/pronouns */
  key: string | null;
  type: EntityType | null;
  /** the PLOVER sector this mention itself signals ("Nigerien officials" → GOV, "US forces" → MIL, "Tehran said" → GOV) */
  sector?: string | null;
  /** a person's role ("spokeswoman") or a descriptor's head ("government") */
  role?: string | null;
  /** id of the mention this one belongs to: the affiliation ("Pentagon" in "Pentagon spokeswoman Sabrina Singh") or the owner ("Niger" in "Niger's army") */
  of?: string | null;
  /** "former President …", "ousted …" */
  former?: boolean;
  /** descriptors: what they stand for once their country is known */
  target?: 'country' | 'government' | 'sector';
  /** the mention sits in a locative phrase ("in Niger", "across the Sahel") */
  locative?: boolean;
  /** id of the longer name this mention is part of ("West African" inside "Economic Community of West African States") */
  inside?: string | null;
  /** the sector a rank or title implies ("Col." → MIL), used when neither role nor affiliation gives one */
  titleSector?: string | null;
  /** the country a family name implies when every known person of that name is of one country ("President Bush") */
  country?: string | null;
}

export interface Mention extends Span, Why {
  id: string; // "m12"
  text: string;
  kind: MentionKind;
  /** the entity this mention refers to; null while unresolved */
  entity: string | null;
  /** optional details from recognition (see MentionRef) */
  ref?: MentionRef;
}

export interface EntityAnn extends Why {
  id: string; // "e3", unique within the record
  name: string;
  type: EntityType;
  code: string | null; // ISO3 or IGO short name
  sector: string | null; // PLOVER sector
  wikidata: string | null;
  aliases: string[];
  /** ids of doc.mentions that refer to this entity, in text order */
  mentions: string[];
  /** For persons/bodies: the role ("spokeswoman", "president") and the entity they belong to. */
  role?: string | null;
  affiliation?: string | null; // entity id
  /** Gazetteer coordinates for places, when known. */
  coords?: { lat: number; lon: number } | null;
}

export type TimeAnchor = 'absolute' | 'published' | 'unresolved';

export interface TimeAnn extends Span, Why {
  text: string;
  value: string | null; // EDTF
  anchor: TimeAnchor;
  /** Which parts of the value were implied rather than stated (chrono's imply vs assign). */
  implied: string[];
  /** for ordering: the first day the value covers (YYYY-MM-DD) or null */
  earliest: string | null;
  /** for ordering: the last day the value covers (YYYY-MM-DD) or null */
  latest: string | null;
}

export interface QuantityAnn extends Span, Why {
  text: string;
  value: number;
  unit: string;
  qualifier: 'over' | 'under' | 'about' | null;
}

export interface Attribution {
  speaker: string | null; // entity id
  reporter: string | null; // entity id
  verb: string;
  quote: boolean;
  /** offsets of the reporting clause ("Singh said", "The Wall Street Journal reported") */
  span?: Span | null;
}

export interface EventAnn extends Why {
  id: string;
  type: PloverType;
  mode: string | null;
  contexts: string[];
  actor: string[]; // entity ids
  recipient: string[]; // entity ids
  date: string | null; // EDTF
  modality: Modality;
  attribution: Attribution | null;
  evidence: Span[];
  /** the words that trigger the event ("severing", "order ... to leave") */
  cue: Span;
  sentence: number;
  cameo: string | null;
  quad: 1 | 2 | 3 | 4;
  goldstein: number | null;
  /** every rule that contributed (pattern, actor choice, date, modality, attribution, fusion) */
  rules: string[];
  /** event location: an entity id of a place or country */
  location?: string | null;
  /** token index of the cue's head (internal to the pipeline) */
  head?: number;
  /** role slots and hints for later stages (internal to the pipeline) */
  pending?: EventPending;
}

export interface EventPending {
  speakerActor?: boolean; // the speaker of the report is the actor ("X said the US didn't respect …")
  speakerRecipient?: boolean;
  prevObject?: boolean;
  needsRecipient?: boolean;
  negationInCue?: boolean;
  weak?: boolean; // a cue that needs both participants to be worth reporting
  nominal?: boolean;
  /** EDTF value of the time the enclosing report was made ("told reporters on Monday that …") */
  sayingDate?: string | null;
  sayingTimeRule?: string;
}

export interface DeploymentFactAnn extends Why {
  kind: 'deployment';
  force: string; // entity id
  host: string; // entity id
  personnel: number;
  asOf: string | null;
  speaker: string | null;
  evidence: Span[];
}

export interface FacilityFactAnn extends Why {
  kind: 'facility';
  name: string;
  host: string;
  operator: string | null;
  function: string | null;
  cost: { value: number; currency: string; qualifier: string | null } | null;
  evidence: Span[];
}

export type FactAnn = DeploymentFactAnn | FacilityFactAnn;

/** A reporting frame: "X said (that) …", "“…,” X said on Saturday", "according to X". */
export interface ReportFrame {
  verb: string;
  verbTok: number;
  speaker: string | null; // entity id
  /** the words that report ("Singh said", "CNSP spokesman … said on Saturday") */
  span: Span;
  /** what is reported */
  complement: Span;
  /** the time of the saying, when stated */
  time: TimeAnn | null;
  media: boolean;
  negates: boolean;
  rule: string;
}

export interface TraceEntry { stage: string; rule: string; span?: Span; detail: string }

export interface Doc {
  input: ArticleInput;
  /** The analysed text: title line, subtitle line, then the body (byline/bio removed). */
  text: string;
  id: string;
  published: string | null;
  layout: Layout;
  tokens: Token[];
  sentences: Sentence[];
  mentions: Mention[];
  entities: EntityAnn[];
  times: TimeAnn[];
  quantities: QuantityAnn[];
  events: EventAnn[];
  facts: FactAnn[];
  /** reporting frames found by the attribution stage (claims: who says what) */
  frames: ReportFrame[];
  trace: TraceEntry[];
  options: AnalyzeOptions;
}

/** The Doc fields a stage can declare it requires or sets. */
export type DocField = 'layout' | 'tokens' | 'sentences' | 'mentions' | 'entities' | 'times' | 'quantities' | 'events' | 'frames' | 'facts';

export interface Stage {
  name: string;
  requires: readonly DocField[];
  sets: readonly DocField[];
  run(doc: Doc): void;
}
