-- The department's unanswered searches count searchers beside searches, so that one client repeating a query no longer
-- looks like many buyers asking for it: per day and query, how many different searchers (ADR 0027: a client address,
-- or an IPv6 /64, known for that day only) searched it, from the search module's announcements. Counts only.
alter table insights_search_day add column searchers integer not null default 0;

-- The days the search module still keeps its searchers of (the last 30, and none before V40) get them now; older days
-- keep 0, as no searcher of theirs was ever stored.
update insights_search_day d
set searchers = s.searchers
from (select day, query_text, count(*) as searchers from search_query_searcher group by day, query_text) as s
where s.day = d.day and s.query_text = d.query_text;
