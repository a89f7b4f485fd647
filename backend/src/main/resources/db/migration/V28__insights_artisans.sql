-- Artisans in the department's figures (issue 14): each brand's artisans as its producers give them on the brand
-- (total, and women and youth among them; counts, never names), kept with the brand's state and replaced by its
-- every change, so that a village's artisans are the sum over the brands registered there now. Null until counted:
-- the brands counted before this migration get their artisans at the next start-up.
alter table insights_brand_state
    add column artisans       integer,
    add column artisans_women integer,
    add column artisans_youth integer;
