-- Media garbage collection: images no row refers to any more (a replaced logo, cover or hero image, a removed product
-- image, a deleted product's images) are removed with their objects once a grace period has passed.

-- When the collector first found the image unreferenced; cleared when it finds it referenced again (or when a
-- confirmation attaches the same bytes again). The grace period counts from here, not from the upload.
alter table media_image add column detached_at timestamptz;

create index media_image_detached_idx on media_image (detached_at) where detached_at is not null;

-- Every column that refers to an image by its key: an image with no row here is unreferenced.
create view media_image_reference (image_key) as
    select image_key from product_image
    union all select logo_image_key from brand where logo_image_key is not null
    union all select cover_image_key from brand where cover_image_key is not null
    union all select image_key from village_hero_image
    union all select hero_image_key from village where hero_image_key is not null;

create index product_image_key_idx on product_image (image_key);
create index media_image_original_idx on media_image (original_key);

-- How many times the collector removed objects. A confirmation reads it before storing its objects and again, under
-- the collector's lock, before recording them: a change means the collector may have removed some of them (same
-- bytes, same content-addressed key), and they are stored again. See UnreferencedMedia.
create table media_collection (
    id        smallint primary key check (id = 1),
    removals  bigint   not null
);

insert into media_collection (id, removals) values (1, 0);
