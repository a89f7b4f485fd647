-- Images are kept by the modules that show them, and media no longer reads their tables.

-- The village's hero image moves from media into the village row (hero_image_key was reserved for it in V1); who last
-- set it is not kept, as for the rest of the village's profile.
alter table village add column hero_image_alt_id varchar(300), add column hero_image_alt_en varchar(300);

update village v set hero_image_key = h.image_key, hero_image_alt_id = h.alt_id, hero_image_alt_en = h.alt_en
from village_hero_image h where h.village_id = v.id;

drop view media_image_reference;

drop table village_hero_image;

-- Which images are in use, kept by media itself: the catalog, brand and village modules announce the images a product,
-- brand or village shows whenever they change (ProductImagesChanged, BrandImagesChanged, VillageImagesChanged). The
-- collector of unreferenced media reads this table instead of the view over the other modules' tables.
create table media_image_use (
    owner      varchar(16)  not null check (owner in ('PRODUCT', 'BRAND', 'VILLAGE')),
    -- the database key of the product, brand or village
    owner_id   bigint       not null,
    image_key  varchar(200) not null,
    primary key (owner, owner_id, image_key)
);

create index media_image_use_image_idx on media_image_use (image_key);

-- The uses as they are when this runs, read once from the owners' tables (the last time media reads them).
insert into media_image_use (owner, owner_id, image_key)
select 'PRODUCT', product_id, image_key from product_image
union select 'BRAND', id, logo_image_key from brand where logo_image_key is not null
union select 'BRAND', id, cover_image_key from brand where cover_image_key is not null
union select 'VILLAGE', id, hero_image_key from village where hero_image_key is not null;
