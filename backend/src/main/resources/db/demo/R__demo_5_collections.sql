-- Demo collections curated by the department (profile "demo"): published products of verified brands, newest
-- first within each theme; the tobacco crafts are Semoyang's. Re-applied when this file changes; each collection's
-- product list is rebuilt.
insert into collection (slug, title_id, title_en, story_id, story_en, published, created_by, village_id)
values
('kriya-tembakau-lombok', 'Kriya Tembakau Lombok', 'Lombok Tobacco Crafts',
 'Batang dan daun tembakau yang dulu dibakar setelah panen kini menjadi kertas, kain eco-print dan anyaman di tangan perajin Semoyang: diversifikasi tembakau yang membuka lapangan kerja baru di desa.',
 'Tobacco stalks and leaves once burnt after the harvest now become paper, eco-printed cloth and weaving in the hands of Semoyang''s artisans: tobacco diversification that opens new jobs in the village.',
 true, (select id from account where email = 'kurator@kriyanusa.test'), (select id from village where slug = 'semoyang')),
('gerabah-lombok', 'Gerabah Lombok', 'Lombok Pottery',
 'Dari Banyumulek, Penujak dan Masbagik: tanah liat yang dibentuk tangan dan dibakar dengan jerami.',
 'From Banyumulek, Penujak and Masbagik: clay shaped by hand and fired with straw.',
 true, (select id from account where email = 'kurator@kriyanusa.test'), null),
('tenun-nusa-tenggara-barat', 'Tenun Nusa Tenggara Barat', 'Weaving of West Nusa Tenggara',
 'Songket Sukarara, ikat Pringgasela, kre alang Sumbawa dan tembe nggoli Bima.',
 'Sukarara songket, Pringgasela ikat, Sumbawa kre alang and Bima tembe nggoli.',
 true, (select id from account where email = 'kurator@kriyanusa.test'), null),
('hadiah-akhir-tahun', 'Hadiah Akhir Tahun', 'Year-End Gifts',
 'Pilihan kurator untuk hadiah akhir tahun (belum diterbitkan).', null,
 false, (select id from account where email = 'kurator@kriyanusa.test'), null)
on conflict (slug) do update set
    title_id = excluded.title_id, title_en = excluded.title_en, story_id = excluded.story_id,
    story_en = excluded.story_en, published = excluded.published, village_id = excluded.village_id,
    updated_at = now();

delete from collection_product
where collection_id in (select id from collection
                        where slug in ('kriya-tembakau-lombok', 'gerabah-lombok', 'tenun-nusa-tenggara-barat', 'hadiah-akhir-tahun'));

insert into collection_product (collection_id, product_id, position)
select c.id, chosen.product_id, chosen.position
from collection c
join lateral (
    select p.id as product_id, row_number() over (order by p.published_at desc, p.id) as position
    from product p
    join brand b on b.id = p.brand_id and b.verification_status = 'VERIFIED'
    join category cat on cat.id = p.category_id
    left join category parent on parent.id = cat.parent_id
    where p.status = 'PUBLISHED'
      and coalesce(parent.slug, cat.slug) = case c.slug
            when 'kriya-tembakau-lombok' then 'kriya-tembakau'
            when 'gerabah-lombok' then 'gerabah'
            when 'tenun-nusa-tenggara-barat' then 'tenun'
            else 'anyaman' end
    order by p.published_at desc, p.id
    limit 24
) chosen on true
where c.slug in ('kriya-tembakau-lombok', 'gerabah-lombok', 'tenun-nusa-tenggara-barat', 'hadiah-akhir-tahun');
