/**
 * SQLite schema, as numbered migrations applied in order inside one transaction each; the
 * version reached is kept in `meta`. Never edit a released migration: add the next one.
 * The PostgreSQL twin is ../postgres/pg-migrations.ts; keep table and column names the same,
 * ../sql-store.ts relies on them.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, actors, fused events with reports, facts, full-text',
    sql: `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,                 -- contract article.id
  url TEXT UNIQUE,                  -- the key when present
  title TEXT, outlet TEXT, published TEXT, pub_day TEXT, language TEXT,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  dup_of INTEGER REFERENCES articles(seq) ON DELETE SET NULL,
  dup_group INTEGER NOT NULL,       -- seq of the original of a near-duplicate cluster (self when original)
  origin TEXT, source_hash TEXT,
  record TEXT NOT NULL,             -- the analysis record as JSON, without article.text
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_source_hash ON articles(source_hash);
CREATE INDEX articles_pub ON articles(pub_day);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_dup_group ON articles(dup_group);

CREATE TABLE article_bands (
  band INTEGER NOT NULL,              -- LSH band index * 2^32 + hash of the band's rows
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article);

CREATE TABLE actors (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: caches keyed by actor seq stay valid
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL, type TEXT NOT NULL, code TEXT, sector TEXT, wikidata TEXT,
  coords TEXT
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_wikidata ON actors(wikidata);

CREATE TABLE actor_aliases (
  actor INTEGER NOT NULL REFERENCES actors(seq) ON DELETE CASCADE,
  norm TEXT NOT NULL,
  alias TEXT NOT NULL,
  PRIMARY KEY (actor, norm)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_norm ON actor_aliases(norm);

CREATE TABLE article_actors (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  entity TEXT NOT NULL,
  actor INTEGER NOT NULL REFERENCES actors(seq),
  PRIMARY KEY (article, entity)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors(actor);

CREATE TABLE offices (
  seq INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  person INTEGER NOT NULL REFERENCES actors(seq),
  org INTEGER REFERENCES actors(seq),
  role TEXT NOT NULL, former INTEGER NOT NULL, day TEXT
);
CREATE INDEX offices_person ON offices(person);
CREATE INDEX offices_org ON offices(org);
CREATE INDEX offices_article ON offices(article);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  type TEXT NOT NULL, family TEXT NOT NULL, mode TEXT, contexts TEXT NOT NULL,
  cameo TEXT, quad INTEGER NOT NULL, goldstein REAL, plover_score REAL,
  date TEXT, date_lo TEXT, date_hi TEXT, date_from_pub INTEGER NOT NULL,
  modality TEXT NOT NULL, mclass TEXT NOT NULL,
  location INTEGER REFERENCES actors(seq),
  sources INTEGER NOT NULL, reports INTEGER NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX events_date ON events(date_lo, seq);
CREATE INDEX events_type ON events(type, date_lo);

CREATE TABLE event_parties (
  event INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  role TEXT NOT NULL,               -- 'a' actor, 'r' recipient
  actor INTEGER NOT NULL REFERENCES actors(seq),
  code TEXT,
  date_lo TEXT, date_hi TEXT,
  PRIMARY KEY (event, role, actor)
) WITHOUT ROWID;
CREATE INDEX event_parties_code ON event_parties(code, role, date_lo);
CREATE INDEX event_parties_actor ON event_parties(actor, role, date_lo);

CREATE TABLE reports (
  seq INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  rec_event TEXT NOT NULL,
  type TEXT NOT NULL, mode TEXT, cameo TEXT, quad INTEGER NOT NULL, goldstein REAL,
  date TEXT, date_lo TEXT, date_hi TEXT, modality TEXT NOT NULL,
  actors TEXT NOT NULL, recipients TEXT NOT NULL, location INTEGER,
  speaker INTEGER, reporter INTEGER, verb TEXT, quote INTEGER NOT NULL, confidence REAL NOT NULL,
  evidence TEXT NOT NULL, evidence_text TEXT NOT NULL, cue TEXT,
  quantities TEXT NOT NULL, actor_names TEXT NOT NULL, recipient_names TEXT NOT NULL,
  contexts TEXT NOT NULL, rules TEXT NOT NULL,
  UNIQUE (article, rec_event)
);
CREATE INDEX reports_event ON reports(event);

CREATE TABLE facts (
  seq INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  host INTEGER REFERENCES actors(seq), host_code TEXT,
  force INTEGER REFERENCES actors(seq), force_code TEXT,
  personnel REAL, as_of TEXT, as_of_from_pub INTEGER NOT NULL,
  name TEXT, name_norm TEXT, operator INTEGER REFERENCES actors(seq), function TEXT,
  cost_value REAL, cost_currency TEXT, cost_qualifier TEXT,
  speaker INTEGER REFERENCES actors(seq),
  evidence TEXT NOT NULL
);
CREATE INDEX facts_host_code ON facts(host_code);
CREATE INDEX facts_host ON facts(host);
CREATE INDEX facts_article ON facts(article);

-- Full text (FTS5, external content: the text lives once, in reports / articles).
CREATE VIRTUAL TABLE reports_fts USING fts5(evidence_text, content='reports', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN
  INSERT INTO reports_fts(rowid, evidence_text) VALUES (new.seq, new.evidence_text);
END;
CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, evidence_text) VALUES ('delete', old.seq, old.evidence_text);
END;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
`,
  },
  {
    version: 2,
    name: 'dyad pairs and a date-ordered event full-text index for fast paged queries',
    sql: `
-- The self-join event_parties p1 × p2 (p2.role <> p1.role), stored: one row per (side, other side)
-- of an event, in both orientations. A dyad query ("NER → FRA", either direction) is one index
-- range in date order, so a page of 50 stops after 50 rows instead of joining every event of
-- both sides and sorting them. date_lo/date_hi are the event's (as in event_parties). Sides
-- given as actor ids (a person, a body) read that actor's pairs in date order and filter the
-- other side from the index (actor2 is in the key, code2 added).
CREATE TABLE event_pairs (
  event INTEGER NOT NULL REFERENCES events(seq) ON DELETE CASCADE,
  role1 TEXT NOT NULL,                -- the role of side 1 ('a' or 'r'); side 2 has the other
  actor1 INTEGER NOT NULL, actor2 INTEGER NOT NULL,
  code1 TEXT, code2 TEXT,
  date_lo TEXT, date_hi TEXT,
  PRIMARY KEY (event, role1, actor1, actor2)
) WITHOUT ROWID;
CREATE INDEX event_pairs_codes ON event_pairs(code1, code2, date_lo, event, date_hi);
CREATE INDEX event_pairs_actors ON event_pairs(actor1, date_lo, event, date_hi, code2);
INSERT INTO event_pairs (event, role1, actor1, actor2, code1, code2, date_lo, date_hi)
  SELECT p1.event, p1.role, p1.actor, p2.actor, p1.code, p2.code, p1.date_lo, p1.date_hi
  FROM event_parties p1 JOIN event_parties p2 ON p2.event = p1.event AND p2.role <> p1.role;

-- One party side alone, in date order whatever the role ("every event of NER").
CREATE INDEX event_parties_code_date ON event_parties(code, date_lo);
CREATE INDEX event_parties_actor_date ON event_parties(actor, date_lo);

-- Full text per event, keyed in the order event lists are shown: rowid = YYYYMMDD of date_lo
-- * 2^36 + seq (no date: 0 * 2^36 + seq, last), so "newest events matching X" is FTS5 reading
-- its doclists backwards (ORDER BY rowid DESC) and stopping at the page, not ranking and sorting
-- every match. The document is the event's reports' evidence joined by U+E000 (a private-use
-- character: a token of its own to unicode61, never one of a user's query words, so no phrase
-- matches across two reports). A query whose words fall in different reports of one event still
-- matches here but not in reports_fts, so callers confirm multi-report events against
-- reports_fts. Contentless: the text lives once, in reports.
--
-- events_span: the longest event (date_hi - date_lo) in one index step, so a query for events
-- overlapping [from, to] can bound date_lo from below (date_lo >= from - longest span).
CREATE INDEX events_span ON events(julianday(date_hi) - julianday(date_lo));
CREATE VIRTUAL TABLE events_fts USING fts5(evidence_text, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER events_fts_report_ai AFTER INSERT ON reports BEGIN
  DELETE FROM events_fts WHERE rowid = (SELECT coalesce(CAST(replace(e.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + e.seq FROM events e WHERE e.seq = new.event);
  INSERT INTO events_fts(rowid, evidence_text)
    SELECT coalesce(CAST(replace(e.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + e.seq, (SELECT group_concat(r.evidence_text, ' ' || char(57344) || ' ') FROM reports r WHERE r.event = e.seq)
    FROM events e WHERE e.seq = new.event;
END;
CREATE TRIGGER events_fts_report_ad AFTER DELETE ON reports BEGIN
  DELETE FROM events_fts WHERE rowid = (SELECT coalesce(CAST(replace(e.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + e.seq FROM events e WHERE e.seq = old.event);
  INSERT INTO events_fts(rowid, evidence_text)
    SELECT coalesce(CAST(replace(e.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + e.seq, t
    FROM events e, (SELECT group_concat(r.evidence_text, ' ' || char(57344) || ' ') AS t FROM reports r WHERE r.event = old.event) WHERE e.seq = old.event AND t IS NOT NULL;
END;
CREATE TRIGGER events_fts_event_au AFTER UPDATE OF date_lo ON events WHEN old.date_lo IS NOT new.date_lo BEGIN
  DELETE FROM events_fts WHERE rowid = coalesce(CAST(replace(old.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + old.seq;
  INSERT INTO events_fts(rowid, evidence_text)
    SELECT coalesce(CAST(replace(new.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + new.seq, t
    FROM (SELECT group_concat(r.evidence_text, ' ' || char(57344) || ' ') AS t FROM reports r WHERE r.event = new.seq) WHERE t IS NOT NULL;
END;
CREATE TRIGGER events_fts_event_ad AFTER DELETE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = coalesce(CAST(replace(old.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + old.seq;
END;
INSERT INTO events_fts(rowid, evidence_text)
  SELECT coalesce(CAST(replace(e.date_lo, '-', '') AS INTEGER), 0) * 68719476736 + e.seq, group_concat(r.evidence_text, ' ' || char(57344) || ' ')
  FROM events e JOIN reports r ON r.event = e.seq GROUP BY e.seq;
`,
  },
];
