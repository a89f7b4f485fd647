-- Demo Bimtek (profile "demo"): the department's tobacco-diversification craft training in Semoyang, August 2025,
-- with 20 participants and their follow-up plans (rencana tindak lanjut): some goals done, some overdue, some ahead.
-- Re-applied when this file changes: the programme is removed and recorded again, its participants and goals with it.
delete from programme where title_id = 'Bimtek Diversifikasi Produk Tembakau: Kerajinan';

insert into programme (title_id, title_en, organiser, starts_on, ends_on, village_id, topics, trainers, budget_line,
                       created_by, created_at)
select 'Bimtek Diversifikasi Produk Tembakau: Kerajinan', 'Tobacco Diversification Training: Crafts',
       'Dinas Perindustrian Provinsi NTB', date '2025-08-18', date '2025-08-22', v.id,
       '{"Perencanaan produk dari batang dan daun tembakau","Desain dan kemasan","Merek dan pendaftaran HKI","Pemasaran digital dan marketplace","Rencana tindak lanjut per produk"}',
       '{"Ir. Lalu Muhammad Faozal (Disperin NTB)","Dra. Baiq Eva Nurcahyaningsih","I Gede Wirata, S.Sn. (desainer produk)"}',
       'DBH CHT 2025 · Pembinaan industri hasil tembakau',
       (select id from account where email = 'kurator@kriyanusa.test'), timestamptz '2025-08-11 09:00+08'
from village v where v.slug = 'semoyang';

-- Participants in the order of the attendance list, in the age bands of UU 40/2009 (youth: 16 to 30); the last two
-- did not consent to their details being kept.
insert into programme_participant (programme_id, consent, account_id, name, brand_id, gender, age_band, enrolled_at)
select p.id, d.consent, a.id, d.name, b.id, d.gender, d.age_band, timestamptz '2025-08-18 08:00+08' + d.n * interval '1 minute'
from (values
(1, true, 'produsen@kriyanusa.test', 'Lalu Suparman', 'koperasi-kriya-tembakau-semoyang', 'MALE', 'AGED_40_TO_54'),
(2, true, null, 'Baiq Rohaini', 'koperasi-kriya-tembakau-semoyang', 'FEMALE', 'AGED_31_TO_39'),
(3, true, null, 'Inaq Sumiati', 'ecoprint-daun-tembakau-semoyang', 'FEMALE', 'AGED_40_TO_54'),
(4, true, null, 'Baiq Nurhasanah', 'ecoprint-daun-tembakau-semoyang', 'FEMALE', 'AGED_16_TO_30'),
(5, true, null, 'Inaq Masnah', 'kertas-serat-semoyang', 'FEMALE', 'AGED_55_AND_OVER'),
(6, true, null, 'Lalu Ahmad Zaini', 'kertas-serat-semoyang', 'MALE', 'AGED_16_TO_30'),
(7, true, null, 'Amaq Saparudin', 'anyaman-pelepah-semoyang', 'MALE', 'AGED_55_AND_OVER'),
(8, true, null, 'Inaq Hartini', 'anyaman-pelepah-semoyang', 'FEMALE', 'AGED_40_TO_54'),
(9, true, null, 'Nurul Aini', null, 'FEMALE', 'AGED_16_TO_30'),
(10, true, null, 'Muhammad Rizki Hamdani', null, 'MALE', 'AGED_16_TO_30'),
(11, true, null, 'Baiq Sri Mulyani', null, 'FEMALE', 'AGED_31_TO_39'),
(12, true, null, 'Inaq Rukiah', 'koperasi-kriya-tembakau-semoyang', 'FEMALE', 'AGED_55_AND_OVER'),
(13, true, null, 'Lalu Wirajaya', null, 'MALE', 'AGED_16_TO_30'),
(14, true, null, 'Siti Hajar', 'ecoprint-daun-tembakau-semoyang', 'FEMALE', 'AGED_31_TO_39'),
(15, true, null, 'Inaq Kartini', null, 'FEMALE', null),
(16, true, null, 'Amaq Jumadil', null, 'MALE', null),
(17, true, null, 'Baiq Yuniarti', 'kertas-serat-semoyang', 'FEMALE', 'AGED_16_TO_30'),
(18, true, null, 'Hj. Nurhayati', 'koperasi-kriya-tembakau-semoyang', 'FEMALE', 'AGED_55_AND_OVER'),
(19, false, null, null, 'anyaman-pelepah-semoyang', null, null),
(20, false, null, null, null, null, null)
) as d (n, consent, email, name, brand_slug, gender, age_band)
join programme p on p.title_id = 'Bimtek Diversifikasi Produk Tembakau: Kerajinan'
left join account a on lower(a.email) = d.email
left join brand b on b.slug = d.brand_slug
order by d.n;

-- Follow-up goals agreed on the last day, one product or step each; dates in 2025 and 2026 have passed by now
-- for those still open, which the console shows as overdue.
insert into follow_up_goal (participant_id, kind, description, due_on, status, note, updated_at)
select pp.id, g.kind, g.description, g.due_on::date, g.status, g.note,
       least(g.due_on::date, current_date)::timestamptz
from (values
('Lalu Suparman', 'DEVELOP_PRODUCT', 'Tas jinjing anyaman batang tembakau dalam tiga ukuran', '2025-10-31', 'DONE',
 'Tiga ukuran sudah dijual di Kriyanusa.'),
('Lalu Suparman', 'REGISTER_BRAND', 'Daftarkan merek "Tembako Craft" ke DJKI', '2025-12-31', 'IN_PROGRESS',
 'Berkas sudah dikirim, menunggu pemeriksaan substantif.'),
('Lalu Suparman', 'REACH_MARKET', 'Titip jual di galeri Dekranasda NTB, Mataram', '2027-03-31', 'PLANNED', null),
('Baiq Rohaini', 'DEVELOP_PRODUCT', 'Kotak tisu dari kertas batang tembakau', '2025-11-30', 'DONE', null),
('Baiq Rohaini', 'REACH_MARKET', 'Pameran Gebyar UMKM Lombok Tengah', '2026-05-31', 'DONE', 'Laku 40 kotak.'),
('Inaq Sumiati', 'DEVELOP_PRODUCT', 'Syal eco-print daun tembakau dengan pewarna alam', '2025-10-15', 'DONE', null),
('Inaq Sumiati', 'OBTAIN_CERTIFICATION', 'Sertifikat SNI untuk kain eco-print', '2026-06-30', 'PLANNED', null),
('Baiq Nurhasanah', 'REACH_MARKET', 'Toko daring di marketplace dengan 10 produk', '2026-02-28', 'IN_PROGRESS',
 'Baru 6 produk yang difoto.'),
('Inaq Masnah', 'DEVELOP_PRODUCT', 'Buku catatan bersampul kertas serat tembakau', '2025-12-15', 'DONE', null),
('Lalu Ahmad Zaini', 'REGISTER_BRAND', 'Daftarkan merek Kertas Serat Semoyang', '2026-03-31', 'PLANNED', null),
('Lalu Ahmad Zaini', 'REACH_MARKET', 'Pasok kertas untuk undangan ke percetakan di Mataram', '2027-01-31', 'IN_PROGRESS',
 'Contoh sudah diterima dua percetakan.'),
('Amaq Saparudin', 'DEVELOP_PRODUCT', 'Tikar anyaman pelepah dan batang tembakau', '2025-11-30', 'DROPPED',
 'Bahan pelepah tidak cukup musim ini.'),
('Inaq Hartini', 'DEVELOP_PRODUCT', 'Keranjang buah anyaman batang tembakau', '2025-12-31', 'DONE', null),
('Inaq Hartini', 'OBTAIN_CERTIFICATION', 'Nomor Induk Berusaha (NIB) untuk usaha anyaman', '2026-01-31', 'DONE', null),
('Nurul Aini', 'DEVELOP_PRODUCT', 'Gantungan kunci dari daun tembakau kering berlapis resin', '2026-01-31', 'PLANNED',
 null),
('Muhammad Rizki Hamdani', 'REACH_MARKET', 'Foto produk dan unggah katalog kelompok ke Kriyanusa', '2025-11-30', 'DONE',
 null),
('Baiq Sri Mulyani', 'REGISTER_BRAND', 'Buat merek dan kemasan untuk hiasan dinding', '2026-04-30', 'IN_PROGRESS', null),
('Inaq Rukiah', 'DEVELOP_PRODUCT', 'Hiasan dinding motif daun tembakau', '2025-10-31', 'DONE', null),
('Lalu Wirajaya', 'REACH_MARKET', 'Jual ke hotel dan kafe di Kuta Mandalika', '2026-08-31', 'PLANNED', null),
('Siti Hajar', 'DEVELOP_PRODUCT', 'Tas kain eco-print untuk oleh-oleh', '2027-02-28', 'PLANNED', null),
('Inaq Kartini', 'DEVELOP_PRODUCT', 'Alas gelas anyaman batang tembakau', '2025-12-31', 'DONE', null),
('Amaq Jumadil', 'OBTAIN_CERTIFICATION', 'Izin PIRT untuk teh daun tembakau', '2026-03-31', 'DROPPED',
 'Diganti dengan produk kerajinan.'),
('Baiq Yuniarti', 'REACH_MARKET', 'Ikut pameran kriya di Jakarta bersama Disperin', '2026-10-31', 'PLANNED', null),
('Hj. Nurhayati', 'OBTAIN_CERTIFICATION', 'Sertifikat halal untuk produk olahan koperasi', '2026-06-30', 'IN_PROGRESS',
 'Pendamping halal sudah datang.')
) as g (name, kind, description, due_on, status, note)
join programme p on p.title_id = 'Bimtek Diversifikasi Produk Tembakau: Kerajinan'
join programme_participant pp on pp.programme_id = p.id and pp.name = g.name;
