-- Artisans in the department's figures (issue 14): each brand's artisans as its producers give them on the brand
-- (total, and women and youth among them; counts, never names), kept with the brand's state and replaced by its
-- every change, so that a village's artisans are the sum over the brands registered there now. Null until counted:
-- the brands counted before this migration get their artisans at the next start-up.
alter table insights_brand_state
    add column artisans       integer,
    add column artisans_women integer,
    add column artisans_youth integer;

-- What visitors searched for, per NTB day and normalised query, from the search module's announcements of the
-- searches it stored (counts only, nobody's identity): the console reads the unanswered ones from this small roll-up
-- instead of asking the search module to aggregate every search of the period on each page view. Searches stored
-- before this migration are not carried over (the search module's own searchQueryStats still has them).
create table insights_search_day (
    day                  date         not null,
    query_text           varchar(200) not null,
    searches             integer      not null default 0,
    zero_result_searches integer      not null default 0,
    last_searched_at     timestamptz  not null,
    primary key (day, query_text)
);
