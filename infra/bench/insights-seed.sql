-- Insights benchmark data (run-insights-bench.sh), written straight into the insights module's own tables with SQL,
-- not through the events: the listeners would take hours for a million events, and the pages read only these
-- tables. The village ids and category slugs are the demo's (read here from the village and category tables, which
-- only this seeder does; the module itself learns them from events). Deterministic. Variables: products (100000),
-- events (1000000).
\set ON_ERROR_STOP on

create temporary table bench_village as
select row_number() over (order by id) - 1 as i, id, regency, model_village from village;
create temporary table bench_category as
select row_number() over (order by id) - 1 as i, slug from category where parent_id is not null;

-- 100,000 products: 90 % published, spread over the villages and the leaf categories.
insert into insights_product_state (product_id, village_id, category_slug, brand_id, published)
select 1000000000 + g, v.id, c.slug, 1000000000 + g % 5000, g % 10 <> 0
from generate_series(1, :products) g
join bench_village v on v.i = g % (select count(*) from bench_village)
join bench_category c on c.i = (g / 7) % (select count(*) from bench_category);

-- 5,000 brands, 60 % verified; 4,000 participants of 200 programmes, 3 goals each.
insert into insights_brand_state (brand_id, village_id, registered, verified, artisans, artisans_women,
                                  artisans_youth)
select 1000000000 + g, v.id, true, g % 5 < 3, 4 + g % 20, 2 + g % 10, g % 5
from generate_series(0, 4999) g join bench_village v on v.i = g % (select count(*) from bench_village);
-- a year of searches: 200 queries a day, a third of them finding nothing that day
insert into insights_search_day (day, query_text, searches, zero_result_searches, last_searched_at)
select current_date - d, 'kata ' || q, 1 + (d + q) % 7, case when (d + q) % 3 = 0 then 1 else 0 end,
       now() - make_interval(days => d)
from generate_series(0, 364) d, generate_series(0, 199) q;
insert into insights_participant_state (participant_id, programme_id, village_id, woman, youth)
select 1000000000 + g, 1000000000 + g % 200, v.id, g % 2 = 0, g % 3 = 0
from generate_series(0, 3999) g join bench_village v on v.i = g % (select count(*) from bench_village);
insert into insights_goal_state (goal_id, participant_id, programme_id, status, due_on)
select 1000000000 + g, 1000000000 + g / 3, 1000000000 + (g / 3) % 200,
       (array['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'])[g % 4 + 1], date '2026-01-01' + (g % 700)
from generate_series(0, 11999) g;

-- 1,000,000 events over the last two years: 40 % publications, 30 % inquiries, 15 % answers, 10 % WhatsApp taps,
-- 5 % verifications; one in ten publications is undone (-1).
insert into insights_event (kind, occurred_at, village_id, regency, model_village, category_slug, brand_id, amount)
select k.kind, now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second', v.id, v.regency,
       v.model_village, case when k.kind <> 'BRAND_VERIFIED' then c.slug end, 1000000000 + g % 5000,
       case when k.kind = 'PRODUCT_PUBLISHED' and g % 10 = 0 then -1 else 1 end
from generate_series(1, :events) g
join bench_village v on v.i = g % (select count(*) from bench_village)
join bench_category c on c.i = (g / 11) % (select count(*) from bench_category)
join lateral (select case when g % 20 < 8 then 'PRODUCT_PUBLISHED' when g % 20 < 14 then 'INQUIRY_SENT'
                          when g % 20 < 17 then 'INQUIRY_ANSWERED' when g % 20 < 19 then 'WHATSAPP_TAP'
                          else 'BRAND_VERIFIED' end as kind) k on true;

-- The monthly roll-up and the totals as the listeners keep them, rebuilt from all events (the demo's own included).
truncate insights_month;
insert into insights_month (month, kind, village_id, category_slug, happened, net)
select date_trunc('month', occurred_at at time zone 'Asia/Makassar')::date, kind, village_id,
       coalesce(category_slug, ''), count(*) filter (where amount = 1), sum(amount)
from insights_event group by 1, 2, 3, 4;

truncate insights_total;
insert into insights_total (kind, village_id, category_slug, net)
select kind, village_id, coalesce(category_slug, ''), sum(amount) from insights_event group by 1, 2, 3;

analyze insights_event;
analyze insights_month;
analyze insights_total;
analyze insights_product_state;
analyze insights_brand_state;
analyze insights_search_day;
analyze insights_participant_state;
analyze insights_goal_state;

select 'insights_event ' || count(*) from insights_event;
select 'insights_month ' || count(*) from insights_month;
select 'insights_total ' || count(*) from insights_total;
select 'insights_product_state ' || count(*) from insights_product_state;
