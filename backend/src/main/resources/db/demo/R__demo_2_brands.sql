-- Demo brands and one account per role for the local run (profile "demo"). Re-applied when this file changes.
-- Named to sort after "demo villages": Flyway applies repeatable migrations in order of their description.
-- Every demo account signs in with the development password "kriyanusa-demo". Their addresses count as confirmed,
-- as those of people long on the portal are: the dashboard offers a new confirmation link only to an address that is not.

insert into account (email, display_name, password_hash, roles, email_verified_at)
values
('admin@kriyanusa.test', 'Admin Kriyanusa', '{bcrypt}$2a$10$gC2QY6Bv6eSoc2AtkJcJOeec54HLcLpLJowVv/NduGXbbyh86weEC', '{ADMIN}', now()),
('kurator@kriyanusa.test', 'Baiq Kurnia (Kurator Disperin NTB)', '{bcrypt}$2a$10$gC2QY6Bv6eSoc2AtkJcJOeec54HLcLpLJowVv/NduGXbbyh86weEC', '{CURATOR}', now()),
('produsen@kriyanusa.test', 'Lalu Suparman', '{bcrypt}$2a$10$gC2QY6Bv6eSoc2AtkJcJOeec54HLcLpLJowVv/NduGXbbyh86weEC', '{PRODUCER}', now()),
('pembeli@kriyanusa.test', 'Dewi Lestari', '{bcrypt}$2a$10$gC2QY6Bv6eSoc2AtkJcJOeec54HLcLpLJowVv/NduGXbbyh86weEC', '{BUYER}', now())
on conflict ((lower(email))) do update set
    display_name = excluded.display_name, password_hash = excluded.password_hash, roles = excluded.roles,
    email_verified_at = coalesce(account.email_verified_at, excluded.email_verified_at);

insert into brand (slug, name, legal_form, village_id, tagline, story_id, story_en, color_primary, color_secondary,
                   color_accent, whatsapp, email, social_links, certifications, year_founded, artisans_total,
                   artisans_women, artisans_youth, verification_status)
select d.slug, d.name, d.legal_form, v.id, d.tagline, d.story_id, d.story_en, d.color_primary, d.color_secondary,
       d.color_accent, d.whatsapp, d.email, d.social_links::text[], d.certifications::jsonb, d.year_founded,
       d.artisans_total, d.artisans_women, d.artisans_youth, d.verification_status
from (values
('koperasi-kriya-tembakau-semoyang', 'Koperasi Kriya Tembakau Semoyang', 'KOPERASI', 'semoyang',
 'Dari batang tembakau menjadi karya',
 'Koperasi ini lahir dari program diversifikasi tembakau. Batang tembakau yang dulu dibakar setelah panen kini diolah menjadi kertas, anyaman dan hiasan dinding oleh ibu-ibu petani Semoyang.',
 'This cooperative grew out of the tobacco diversification programme. Tobacco stalks that used to be burnt after the harvest are now turned into paper, weaving and wall hangings by Semoyang''s farming women.',
 '#6B4F2A', '#D9C4A0', '#2F6B3A', '+6281917001001', 'kriyatembakau@semoyang.desa.id',
 '{https://instagram.com/kriyatembakau.semoyang}', '[{"kind":"HKI","number":"IDM001122334","expiresOn":"2034-05-01"}]',
 2023, 32, 26, 9, 'VERIFIED'),
('ecoprint-daun-tembakau-semoyang', 'Eco-Print Daun Tembakau Semoyang', 'KELOMPOK_PENGRAJIN', 'semoyang',
 'Motif daun tembakau di atas kain',
 'Kelompok pengrajin perempuan yang mencetak motif daun tembakau, jati dan ketapang pada kain katun dan sutra dengan teknik eco-print dan pewarna alam.',
 'A women''s artisan group printing tobacco, teak and almond leaves onto cotton and silk with eco-print and natural dyes.',
 '#4E6B2F', '#EFE6D2', '#B5651D', '+6287865002002', null,
 '{https://instagram.com/ecoprint.semoyang,https://www.facebook.com/ecoprintsemoyang}', '[]',
 2024, 18, 18, 7, 'VERIFIED'),
('kertas-serat-semoyang', 'Kertas Serat Semoyang', 'IKM', 'semoyang',
 'Kertas daur ulang dari serat batang tembakau',
 'Kertas buatan tangan dari serat batang tembakau untuk undangan, kemasan dan sampul buku.',
 'Handmade paper from tobacco-stalk fibre for invitations, packaging and book covers.',
 '#8C6D46', '#F4EBDD', '#355E3B', '+6281339003003', 'kertas.serat@semoyang.desa.id', '{}', '[]',
 2024, 9, 6, 5, 'SUBMITTED'),
('anyaman-pelepah-semoyang', 'Anyaman Pelepah Semoyang', 'UMKM', 'semoyang',
 'Tas dan wadah anyaman dari pelepah dan daun tembakau',
 'Usaha keluarga yang mengembangkan anyaman dari daun tembakau kering dipadukan dengan pandan.',
 'A family business weaving dried tobacco leaves together with pandan.',
 '#A0522D', '#F5DEB3', '#556B2F', '+6281805004004', null, '{}', '[]',
 2025, 4, 3, 1, 'DRAFT'),
('gerabah-banyumulek-lestari', 'Gerabah Banyumulek Lestari', 'KOPERASI', 'banyumulek',
 'Kendi maling dan gerabah dapur sejak 1987',
 'Koperasi perajin gerabah Banyumulek yang memasarkan kendi maling, vas dan peralatan dapur dari tanah liat ke hotel dan pembeli mancanegara.',
 'A cooperative of Banyumulek potters selling kendi maling jugs, vases and clay kitchenware to hotels and buyers abroad.',
 '#B5542C', '#F2D6B3', '#3B2F2F', '+6281907005005', 'lestari@gerabahbanyumulek.id',
 '{https://instagram.com/gerabahbanyumulek}', '[{"kind":"SNI","number":"SNI 7275:2008","expiresOn":"2027-12-31"}]',
 1987, 64, 40, 10, 'VERIFIED'),
('sentra-gerabah-banyumulek', 'Sentra Gerabah Banyumulek', 'IKM', 'banyumulek',
 'Gerabah hias dengan teknik slip dan cat alam',
 'Bengkel gerabah hias yang melatih pemuda desa membentuk dan melukis gerabah.',
 'A decorative pottery workshop training village youth to throw and paint pottery.',
 '#C0623B', '#FBE9D0', '#1F4E5F', '+6282144006006', null, '{https://sentragerabah.id}', '[]',
 2002, 25, 12, 14, 'VERIFIED'),
('tanah-liat-banyumulek', 'Tanah Liat Banyumulek', 'KELOMPOK_PENGRAJIN', 'banyumulek',
 'Peralatan makan dari tanah liat untuk restoran',
 'Kelompok pengrajin yang membuat piring, mangkuk dan cobek untuk restoran di Senggigi dan Mataram.',
 'An artisan group making plates, bowls and mortars for restaurants in Senggigi and Mataram.',
 '#9E4B2B', '#EADBC8', '#2E4A3F', '+6285337007007', null, '{}', '[]',
 2015, 14, 9, 4, 'DRAFT'),
('gerabah-penujak-cicak', 'Gerabah Penujak Motif Cicak', 'KELOMPOK_PENGRAJIN', 'penujak',
 'Motif cicak dan penyu yang dibakar jerami',
 'Para ibu perajin Penujak membentuk gerabah tanpa roda putar dan membakarnya dengan jerami, mempertahankan motif cicak dan penyu khas Sasak.',
 'Penujak''s women potters shape pottery without a wheel and fire it with straw, keeping the Sasak gecko and turtle motifs.',
 '#A24D24', '#E8CFA9', '#2C2C2C', '+6281936008008', null, '{https://instagram.com/gerabahpenujak}', '[]',
 1995, 30, 26, 5, 'VERIFIED'),
('koperasi-gerabah-penujak', 'Koperasi Gerabah Penujak', 'KOPERASI', 'penujak',
 'Gerabah tradisional Lombok Tengah',
 'Koperasi yang menampung gerabah dari puluhan rumah tangga di Penujak dan mengirimnya ke Bali dan Jawa.',
 'A cooperative collecting pottery from dozens of Penujak households and shipping it to Bali and Java.',
 '#8B3A1E', '#F0DCC0', '#5A6B2F', '+6281803009009', 'koperasi@penujak.desa.id', '{}', '[]',
 2008, 52, 38, 8, 'VERIFIED'),
('songket-sukarara-inaq-saenah', 'Songket Inaq Saenah', 'UMKM', 'sukarara',
 'Songket Sasak tenunan tangan',
 'Inaq Saenah dan anak-anak perempuannya menenun songket subahnale dan keker dengan alat tenun gedogan.',
 'Inaq Saenah and her daughters weave subahnale and keker songket on backstrap looms.',
 '#7A1F2B', '#E5C07B', '#1D3557', '+6281917010010', null, '{https://instagram.com/songket.inaqsaenah}', '[]',
 1998, 8, 8, 3, 'VERIFIED'),
('koperasi-tenun-sukarara', 'Koperasi Tenun Sukarara', 'KOPERASI', 'sukarara',
 'Tenun songket dari desa para penenun',
 'Koperasi penenun Sukarara memastikan setiap penenun mendapat harga yang adil dan bahan benang yang baik.',
 'The Sukarara weavers'' cooperative makes sure every weaver gets a fair price and good yarn.',
 '#8E1C1C', '#F2C14E', '#0B3954', '+6287763011011', 'tenun@sukarara.desa.id',
 '{https://instagram.com/tenunsukarara,https://www.youtube.com/@tenunsukarara}', '[{"kind":"HKI","number":"IDM000998877","expiresOn":"2031-08-17"}]',
 2005, 120, 118, 35, 'VERIFIED'),
('dharma-setia-sukarara', 'Dharma Setia Songket', 'IKM', 'sukarara',
 'Songket, ikat dan selendang untuk upacara',
 'Artshop dan bengkel tenun yang menyediakan kain untuk upacara adat Sasak.',
 'An artshop and weaving workshop supplying cloth for Sasak ceremonies.',
 '#6A1B4D', '#F6D55C', '#20639B', '+6281237012012', null, '{}', '[]',
 1990, 45, 43, 11, 'VERIFIED'),
('ketak-beleka-indah', 'Ketak Beleka Indah', 'UMKM', 'beleka',
 'Anyaman ketak yang rapat dan mengilap',
 'Anyaman dari batang ketak yang diasap agar berwarna coklat tua alami: tas, tempat tisu dan wadah buah.',
 'Weaving from ketak vine smoked to a natural dark brown: bags, tissue boxes and fruit bowls.',
 '#5C3A21', '#D8B98A', '#8A9A5B', '+6281907013013', null, '{https://instagram.com/ketakbeleka}', '[]',
 2001, 18, 15, 4, 'VERIFIED'),
('koperasi-anyaman-beleka', 'Koperasi Anyaman Beleka', 'KOPERASI', 'beleka',
 'Ketak, rotan dan bambu dari Praya Timur',
 'Koperasi perajin anyaman Beleka yang mengekspor keranjang ketak dan rotan.',
 'A cooperative of Beleka weavers exporting ketak and rattan baskets.',
 '#704214', '#EAD7B7', '#3E5641', '+6281339014014', 'anyaman@beleka.desa.id', '{}',
 '[{"kind":"OTHER","number":"SVLK-0921","expiresOn":"2026-06-30"}]',
 1999, 80, 55, 20, 'VERIFIED'),
('rotan-beleka-muda', 'Rotan Beleka Muda', 'KELOMPOK_PENGRAJIN', 'beleka',
 'Anyaman modern oleh pemuda Beleka',
 'Kelompok pemuda yang memadukan ketak dengan kulit dan logam untuk tas modern.',
 'A youth group combining ketak with leather and metal for modern bags.',
 '#4B3621', '#F3E5AB', '#C04000', '+6282339015015', null, '{}', '[]',
 2022, 9, 3, 9, 'SUBMITTED'),
('tenun-ikat-pringgasela', 'Tenun Ikat Pringgasela', 'KOPERASI', 'pringgasela',
 'Ikat pewarna alam dari lereng Rinjani',
 'Koperasi penenun Pringgasela mewarnai benang dengan indigo, mengkudu dan kulit kayu sebelum ditenun menjadi kain ikat.',
 'The Pringgasela weavers'' cooperative dyes yarn with indigo, morinda and bark before weaving it into ikat.',
 '#1B3B6F', '#C9A66B', '#7B2D26', '+6281805016016', 'ikat@pringgasela.desa.id', '{https://instagram.com/ikatpringgasela}', '[]',
 2010, 60, 57, 18, 'VERIFIED'),
('pewarna-alam-pringgasela', 'Pewarna Alam Pringgasela', 'KELOMPOK_PENGRAJIN', 'pringgasela',
 'Warna dari daun, akar dan kulit kayu',
 'Kelompok perempuan yang membuat pasta indigo dan pewarna alam untuk penenun di Lombok Timur.',
 'A women''s group making indigo paste and natural dyes for weavers across East Lombok.',
 '#264653', '#E9C46A', '#E76F51', '+6287864017017', null, '{}', '[]',
 2018, 12, 12, 5, 'VERIFIED'),
('gerabah-masbagik', 'Gerabah Hias Masbagik', 'UMKM', 'masbagik-timur',
 'Gerabah hias dan tungku tanah liat',
 'Perajin Masbagik Timur membuat tungku, pot bunga dan gerabah hias bermotif anyaman.',
 'Masbagik Timur potters make stoves, flower pots and decorative pottery with woven patterns.',
 '#9C4A1A', '#F1E0C5', '#2B3A42', '+6281917018018', null, '{}', '[]',
 1985, 28, 20, 6, 'VERIFIED'),
('bambu-loyok-kreasi', 'Bambu Loyok Kreasi', 'IKM', 'loyok',
 'Tudung saji dan kap lampu bambu',
 'Bengkel anyaman bambu Loyok yang membuat tudung saji, kap lampu dan keranjang untuk hotel.',
 'A Loyok bamboo workshop making food covers, lampshades and baskets for hotels.',
 '#7C8C3A', '#F2EBD3', '#5D3A1A', '+6281803019019', null, '{https://instagram.com/bambuloyok}', '[]',
 2004, 33, 21, 9, 'VERIFIED'),
('kelompok-anyaman-loyok', 'Kelompok Anyaman Loyok', 'KELOMPOK_PENGRAJIN', 'loyok',
 'Anyaman bambu untuk rumah tangga',
 'Kelompok ibu-ibu Loyok yang menganyam bakul dan tampah dari bambu.',
 'A group of Loyok women weaving rice baskets and winnowing trays from bamboo.',
 '#6B8E23', '#FAF3DD', '#8B4513', '+6285237020020', null, '{}', '[]',
 2012, 16, 16, 2, 'VERIFIED'),
('cukli-labuapi', 'Cukli Labuapi', 'UMKM', 'labuapi',
 'Ukiran kayu bertatah kulit kerang',
 'Perajin Labuapi menatah kotak, cermin dan meja dengan potongan kulit kerang yang disebut cukli.',
 'Labuapi carvers inlay boxes, mirrors and tables with mother-of-pearl known as cukli.',
 '#3E2723', '#F5F5F5', '#00796B', '+6281907021021', 'cukli@labuapi.id', '{https://instagram.com/cuklilabuapi}', '[]',
 1992, 20, 6, 7, 'VERIFIED'),
('koperasi-kayu-labuapi', 'Koperasi Kriya Kayu Labuapi', 'KOPERASI', 'labuapi',
 'Topeng, patung dan peralatan kayu',
 'Koperasi perajin kayu yang memasarkan topeng, patung dan peralatan makan dari kayu.',
 'A woodworkers'' cooperative selling masks, statues and wooden tableware.',
 '#5D4037', '#D7CCC8', '#FFB300', '+6281339022022', null, '{}',
 '[{"kind":"OTHER","number":"SVLK-1177","expiresOn":"2027-03-31"}]',
 2000, 41, 10, 12, 'VERIFIED'),
('tenun-rembitan', 'Tenun Adat Rembitan', 'KELOMPOK_PENGRAJIN', 'rembitan',
 'Kain tradisional dari desa adat Sasak',
 'Penenun desa adat Rembitan menenun kain lambung dan sabuk untuk adat dan wisatawan.',
 'Weavers of Rembitan''s customary village weave lambung cloth and sashes for ceremonies and visitors.',
 '#2E1A47', '#E0B973', '#A4161A', '+6287765023023', null, '{}', '[]',
 2016, 19, 19, 6, 'VERIFIED'),
('kre-alang-poto', 'Kre Alang Poto', 'KOPERASI', 'poto',
 'Tenun Kre Alang dengan benang emas',
 'Koperasi penenun Poto menjaga motif Kre Alang Sumbawa yang ditenun dengan benang emas dan perak.',
 'The Poto weavers'' cooperative keeps Sumbawa''s Kre Alang motifs woven with gold and silver thread.',
 '#0D1B2A', '#D4AF37', '#9B2226', '+6281237024024', 'krealang@poto.desa.id', '{https://instagram.com/krealangpoto}',
 '[{"kind":"HKI","number":"IDM000554433","expiresOn":"2033-01-15"}]',
 2011, 47, 46, 13, 'VERIFIED'),
('tembe-nggoli-ntobo', 'Tembe Nggoli Ntobo', 'KELOMPOK_PENGRAJIN', 'ntobo',
 'Sarung tembe nggoli khas Bima',
 'Kelompok penenun Ntobo menenun sarung tembe nggoli yang hangat dan berkilau dari benang katun mercerisasi.',
 'The Ntobo weavers'' group weaves warm, glossy tembe nggoli sarongs from mercerised cotton.',
 '#003049', '#F77F00', '#D62828', '+6285239025025', null, '{}', '[]',
 2014, 35, 35, 10, 'VERIFIED'),
('kriya-muda-ntobo', 'Kriya Muda Ntobo', 'UMKM', 'ntobo',
 'Aksesori dari sisa kain tenun',
 'Usaha anak muda Ntobo yang membuat dompet, tas dan gantungan kunci dari sisa kain tenun.',
 'A young Ntobo business making purses, bags and key rings from weaving offcuts.',
 '#264653', '#F4A261', '#2A9D8F', '+6281246026026', null, '{}', '[]',
 2024, 5, 3, 5, 'DRAFT')
) as d (slug, name, legal_form, village_slug, tagline, story_id, story_en, color_primary, color_secondary, color_accent,
        whatsapp, email, social_links, certifications, year_founded, artisans_total, artisans_women, artisans_youth,
        verification_status)
join village v on v.slug = d.village_slug
on conflict (slug) do update set
    name = excluded.name, legal_form = excluded.legal_form, village_id = excluded.village_id,
    tagline = excluded.tagline, story_id = excluded.story_id, story_en = excluded.story_en,
    color_primary = excluded.color_primary, color_secondary = excluded.color_secondary,
    color_accent = excluded.color_accent, whatsapp = excluded.whatsapp, email = excluded.email,
    social_links = excluded.social_links, certifications = excluded.certifications,
    year_founded = excluded.year_founded, artisans_total = excluded.artisans_total,
    artisans_women = excluded.artisans_women, artisans_youth = excluded.artisans_youth,
    verification_status = excluded.verification_status, suspension_reason = null,
    version = brand.version + 1, updated_at = now();

-- The Semoyang brands of the demo Bimtek (R__demo_6_programme.sql, from 18 August 2025) registered on the portal months
-- before it, with the artisans they had then (above); after start-up the demo module gives them the artisans they have
-- now through the brand's own update (DemoBimtekArtisans), so insights date the first figures at registration and a
-- modest rise after the training, rather than every artisan appearing on the day the demo loaded.
update brand b set created_at = d.registered_at
from (values
('koperasi-kriya-tembakau-semoyang', timestamptz '2025-03-12 10:00+08'),
('ecoprint-daun-tembakau-semoyang', timestamptz '2025-05-06 14:30+08'),
('kertas-serat-semoyang', timestamptz '2025-06-17 09:15+08'),
('anyaman-pelepah-semoyang', timestamptz '2025-07-29 16:00+08')
) as d (slug, registered_at)
where b.slug = d.slug;

-- The demo producer runs one Semoyang and one Banyumulek brand.
insert into brand_member (brand_id, account_id)
select b.id, a.id
from brand b join account a on lower(a.email) = 'produsen@kriyanusa.test'
where b.slug in ('koperasi-kriya-tembakau-semoyang', 'gerabah-banyumulek-lestari')
on conflict do nothing;

-- Each demo brand's history starts with its creation, a month before the demo (the Bimtek's brands: when they
-- registered), and, past DRAFT, the steps that led to its status.
insert into brand_status_change (brand_id, changed_by, changed_at, from_status, to_status, note)
select b.id, null, least(b.created_at, now() - interval '30 days'), null, 'DRAFT', 'Demo data'
from brand b
where b.slug in ('koperasi-kriya-tembakau-semoyang', 'ecoprint-daun-tembakau-semoyang', 'kertas-serat-semoyang',
                 'anyaman-pelepah-semoyang', 'gerabah-banyumulek-lestari', 'sentra-gerabah-banyumulek',
                 'tanah-liat-banyumulek', 'gerabah-penujak-cicak', 'koperasi-gerabah-penujak',
                 'songket-sukarara-inaq-saenah', 'koperasi-tenun-sukarara', 'dharma-setia-sukarara', 'ketak-beleka-indah',
                 'koperasi-anyaman-beleka', 'rotan-beleka-muda', 'tenun-ikat-pringgasela', 'pewarna-alam-pringgasela',
                 'gerabah-masbagik', 'bambu-loyok-kreasi', 'kelompok-anyaman-loyok', 'cukli-labuapi',
                 'koperasi-kayu-labuapi', 'tenun-rembitan', 'kre-alang-poto', 'tembe-nggoli-ntobo', 'kriya-muda-ntobo')
  and not exists (select 1 from brand_status_change c where c.brand_id = b.id);

insert into brand_status_change (brand_id, changed_by, from_status, to_status, note)
select b.id, a.id, 'SUBMITTED', 'VERIFIED', 'Demo data: checked during the Bimtek visit'
from brand b join account a on lower(a.email) = 'kurator@kriyanusa.test'
where b.verification_status = 'VERIFIED'
  and exists (select 1 from brand_status_change c where c.brand_id = b.id and c.note = 'Demo data' and c.to_status = 'DRAFT')
  and not exists (select 1 from brand_status_change c where c.brand_id = b.id and c.to_status = 'VERIFIED');

-- The brands waiting for verification were submitted some days before the demo, so the
-- curator's queue says since when, the one waiting longest first (never before the brand's creation, kept at the
-- first run's time on an older database).
insert into brand_status_change (brand_id, changed_by, changed_at, from_status, to_status, note)
select b.id, null, greatest(created.changed_at, now() - make_interval(days => waiting.days)), 'DRAFT', 'SUBMITTED', null
from brand b
join (values ('kertas-serat-semoyang', 6), ('rotan-beleka-muda', 2)) as waiting (slug, days) on waiting.slug = b.slug
join brand_status_change created on created.brand_id = b.id and created.note = 'Demo data' and created.to_status = 'DRAFT'
where b.verification_status = 'SUBMITTED'
  and not exists (select 1 from brand_status_change c where c.brand_id = b.id and c.to_status = 'SUBMITTED');
