-- 100,000 generated products for the search benchmark (infra/bench/run-search-bench.sh), appended to the demo
-- catalog: PUBLISHED, spread over the demo's VERIFIED brands and leaf categories, titles combined from Indonesian
-- craft words (with an English title on 40 % of them), a technique, a motif or colour and a place, materials that
-- fit the category, prices from 15,000 to about 2.5 million rupiah. Deterministic (no random()): the same rows each run.
-- The object and the material are picked by g / (number of leaf categories), not by g: picked by g, a category's rows
-- all had the same remainders and so the same one or two objects (no "Patung kayu" at all).
-- psql variable :n sets how many (default in the script: 100000).
with words (parent, objects_id, objects_en, materials) as (values
  ('gerabah', array['Kendi','Vas bunga','Piring','Guci','Celengan','Mangkuk','Teko','Pot tanaman','Tungku','Cangkir'],
              array['Water jug','Flower vase','Plate','Urn','Piggy bank','Bowl','Teapot','Plant pot','Stove','Cup'],
              array['tanah liat','tanah liat merah','glasir']),
  ('tenun',   array['Kain tenun','Selendang songket','Sarung ikat','Syal tenun','Taplak meja tenun','Sajadah tenun','Kain songket','Ikat kepala'],
              array['Woven cloth','Songket shawl','Ikat sarong','Woven scarf','Woven table runner','Woven prayer mat','Songket cloth','Headband'],
              array['benang katun','benang sutra','benang emas','pewarna alami']),
  ('anyaman', array['Tas anyaman','Keranjang rotan','Tikar pandan','Topi bambu','Dompet ketak','Tempat tisu anyaman','Kap lampu rotan','Nampan anyaman'],
              array['Woven bag','Rattan basket','Pandan mat','Bamboo hat','Ketak purse','Woven tissue box','Rattan lamp shade','Woven tray'],
              array['rotan','bambu','pandan','ketak','eceng gondok']),
  ('kayu',    array['Patung kayu','Topeng kayu','Nampan ukir','Kotak perhiasan','Sendok kayu','Hiasan dinding ukir','Talenan','Bingkai cermin'],
              array['Wooden statue','Wooden mask','Carved tray','Jewellery box','Wooden spoon','Carved wall panel','Cutting board','Mirror frame'],
              array['kayu jati','kayu mahoni','kayu sono','kayu cendana']),
  ('kriya-tembakau', array['Kain eco-print daun tembakau','Tas eco-print','Hiasan tembakau','Kotak tembakau','Lukisan daun tembakau'],
              array['Tobacco-leaf eco-print cloth','Eco-print bag','Tobacco ornament','Tobacco box','Tobacco-leaf painting'],
              array['daun tembakau','kain katun','kayu'])
),
-- Only the sub-categories of the five crafts the words describe, so categories added by later migrations do not
-- change the rows (benchmarks compare builds on the same catalogue).
leaves as (
  select c.id, p.slug as parent, row_number() over (order by c.id) - 1 as k, count(*) over () as n
  from category c join category p on p.id = c.parent_id
  where p.slug in ('gerabah', 'tenun', 'anyaman', 'kayu', 'kriya-tembakau')
),
brands as (
  select array_agg(id order by id) as ids from brand where verification_status = 'VERIFIED'
),
motifs (words) as (values (array['motif Sasak','warna alami','klasik','ukuran besar','ukuran kecil','halus','tradisional','modern',
                                 'motif subahnale','motif kembang','hitam','merah bata','coklat tua','putih gading']))
insert into product (slug, brand_id, category_id, title_id, title_en, description_id, materials, techniques, price,
                     availability, stock_quantity, lead_time_days, status, published_at, created_at, updated_at)
select 'bench-' || g,
       b.ids[1 + (g * 7) % cardinality(b.ids)],
       l.id,
       w.objects_id[1 + (g / l.n) % cardinality(w.objects_id)] || ' ' || m.words[1 + (g / 7) % cardinality(m.words)]
         || ' ' || (array['Lombok','Banyumulek','Sukarara','Pringgasela','Beleke','Loyok','Bali','Jepara','Toraja','Sumba'])[1 + (g / 3) % 10]
         || ' ' || g,
       case when g % 5 < 2 then w.objects_en[1 + (g / l.n) % cardinality(w.objects_en)] || ' from '
         || (array['Lombok','Banyumulek','Sukarara','Pringgasela','Beleke','Loyok','Bali','Jepara','Toraja','Sumba'])[1 + (g / 3) % 10] end,
       'Buatan tangan pengrajin desa, ' || lower(w.objects_id[1 + (g / l.n) % cardinality(w.objects_id)]) || ' dari '
         || w.materials[1 + (g / l.n / 7) % cardinality(w.materials)] || ', ' || m.words[1 + (g / 11) % cardinality(m.words)] || '.',
       array[w.materials[1 + (g / l.n / 7) % cardinality(w.materials)]],
       array[(array['anyam','tenun','ukir','cetak','putar','lilit','pahat'])[1 + g % 7]],
       15000 + ((g * 7919) % 500) * 5000,
       case when g % 3 = 0 then 'MADE_TO_ORDER' else 'READY_STOCK' end,
       case when g % 3 = 0 then null else g % 40 end,
       case when g % 3 = 0 then 7 + g % 30 end,
       'PUBLISHED',
       now() - make_interval(mins => g),
       now() - make_interval(mins => g),
       now() - make_interval(mins => g)
from generate_series(1, :n) g
cross join brands b
cross join motifs m
join leaves l on l.k = g % l.n
join words w on w.parent = l.parent;
