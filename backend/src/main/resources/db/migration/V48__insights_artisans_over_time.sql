-- A programme's participants' artisans before and after it (the jobs their brands give): each brand's artisans from
-- a moment on, a row each time the brand gives new figures, so that the artisans of a set of brands on any day are
-- the sum of each one's latest row by then. The brands counted already start with the artisans they give now, from
-- the day they registered: the best known, as the figures they gave before were replaced.
create table insights_artisan_change (
    brand_id       bigint      not null,
    occurred_at    timestamptz not null,
    artisans       integer     not null,
    artisans_women integer     not null,
    artisans_youth integer     not null,
    primary key (brand_id, occurred_at)
);

insert into insights_artisan_change (brand_id, occurred_at, artisans, artisans_women, artisans_youth)
select s.brand_id, coalesce(b.created_at, now()), s.artisans, s.artisans_women, s.artisans_youth
from insights_brand_state s left join brand b on b.id = s.brand_id
where s.artisans is not null;
