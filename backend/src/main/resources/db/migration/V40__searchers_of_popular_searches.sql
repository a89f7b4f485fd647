-- Popular searches and the search box's suggestions count the different searchers of a query, not its searches, so
-- one client repeating a search cannot show it to every buyer (ADR 0027). A searcher is known only by a salted hash
-- of the client's network and the query: the salt is drawn at random for each day (NTB time) and deleted once the
-- day is over, after which nothing links a stored hash to an address, nor two queries to one client.

-- The salt of each day, shared by the fleet so that one client counts once whichever instance it reaches. Only the
-- current day's is kept.
create table search_salt (
    day   date  primary key,
    salt  bytea not null
);

-- One row per query, day and searcher: how many products that searcher's last search of it found, and when.
create table search_query_searcher (
    day               date         not null,
    query_text        varchar(200) not null,
    searcher          bytea        not null,
    result_count      bigint       not null,
    last_searched_at  timestamptz  not null,
    primary key (day, query_text, searcher)
);
