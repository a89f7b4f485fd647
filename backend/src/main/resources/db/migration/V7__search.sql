-- Search: Spring Modulith's event publication registry, the revision counter that orders writes to the search index,
-- and anonymous search analytics.

-- Spring Modulith 2.0's table for PostgreSQL, as shipped in spring-modulith-events-jdbc 2.0.3
-- (org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql). Created here rather than by the
-- starter's schema initialisation (disabled in application.yaml) so that Flyway owns every table.
create table if not exists event_publication
(
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash(serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

-- The external version of every write to the products index. A value is drawn BEFORE the documents are read from
-- PostgreSQL, so a write carrying a higher revision always reflects at least as many commits as one carrying a lower
-- revision: Elasticsearch (version_type=external) then keeps the newest read, whichever listener finishes first.
create sequence search_revision;

-- What visitors search for, without who searched: the normalised query, its result count and when.
create table search_query (
    id            bigint generated always as identity primary key,
    query_text    varchar(200) not null,
    result_count  bigint       not null,
    zero_results  boolean      not null,
    searched_at   timestamptz  not null default now()
);

create index search_query_searched_at_idx on search_query (searched_at);
