-- Which images are in use, kept by media itself: the catalog and brand modules announce the images a product or brand
-- shows whenever they change (ProductImagesChanged, BrandImagesChanged), media records village hero images as it sets
-- them. The collector of unreferenced media reads this table instead of the view over other modules' tables.
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
union select 'VILLAGE', village_id, image_key from village_hero_image
union select 'VILLAGE', id, hero_image_key from village where hero_image_key is not null;

drop view media_image_reference;
