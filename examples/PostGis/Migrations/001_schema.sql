-- 001: the Territories schema. Coordinates are WGS84 longitude/latitude (SRID 4326), as in the library.
-- Applied once, in one transaction, by the example's Migrator, which records it in schema_migrations.

CREATE EXTENSION IF NOT EXISTS postgis;

-- A named area at one level of the hierarchy (region > area > territory), its boundary a multipolygon.
CREATE TABLE territories (
    id        text PRIMARY KEY,
    name      text,
    level     text NOT NULL,
    parent_id text REFERENCES territories (id),
    boundary  geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX territories_boundary ON territories USING gist (boundary);

-- A seat in the sales organisation, covering one territory from its base.
CREATE TABLE positions (
    id           text PRIMARY KEY,
    territory_id text NOT NULL REFERENCES territories (id),
    role         text NOT NULL,
    base         geometry(Point, 4326),
    day_start    interval NOT NULL,
    day_end      interval NOT NULL,
    break_time   interval NOT NULL DEFAULT '0',
    CHECK (day_start < day_end)
);

-- What is visited, with its visit requirement: visits per period of period_weeks weeks (0: per cycle).
-- territory_id is the library's assignment, checked against ST_Covers by the example.
CREATE TABLE accounts (
    id               text PRIMARY KEY,
    name             text,
    class            text,
    potential        numeric NOT NULL DEFAULT 0,
    location         geometry(Point, 4326) NOT NULL,
    service_time     interval NOT NULL,
    visits           integer CHECK (visits > 0),
    period_weeks     integer CHECK (period_weeks >= 0),
    min_spacing_days integer NOT NULL DEFAULT 0 CHECK (min_spacing_days >= 0),
    max_spacing_days integer NOT NULL DEFAULT 0 CHECK (max_spacing_days >= 0),
    visit_duration   interval,
    visit_activity   text,
    territory_id     text REFERENCES territories (id),
    CHECK ((visits IS NULL) = (period_weeks IS NULL))
);
CREATE INDEX accounts_location ON accounts USING gist (location);

-- The current journey plan of a territory. version counts the writes: a writer names the version it
-- read and a write over any other version is refused (optimistic concurrency).
CREATE TABLE plans (
    territory_id    text PRIMARY KEY REFERENCES territories (id),
    version         integer NOT NULL CHECK (version > 0),
    fingerprint     text NOT NULL,
    cycle_weeks     integer NOT NULL CHECK (cycle_weeks > 0),
    visit_count     integer NOT NULL CHECK (visit_count >= 0),
    unplanned_count integer NOT NULL CHECK (unplanned_count >= 0),
    written_at      timestamptz NOT NULL DEFAULT now()
);

-- The plan's visits: per position and cycle day (0-based), in route order (sequence from 1).
CREATE TABLE visits (
    territory_id text NOT NULL REFERENCES plans (territory_id) ON DELETE CASCADE,
    position_id  text NOT NULL REFERENCES positions (id),
    cycle_day    integer NOT NULL CHECK (cycle_day >= 0),
    sequence     integer NOT NULL CHECK (sequence >= 1),
    account_id   text NOT NULL REFERENCES accounts (id),
    arrival      interval NOT NULL,
    start_at     interval NOT NULL,
    departure    interval NOT NULL,
    leg_metres   double precision NOT NULL CHECK (leg_metres >= 0),
    activity     text,
    PRIMARY KEY (territory_id, position_id, cycle_day, sequence),
    CHECK (arrival <= start_at AND start_at <= departure)
);
