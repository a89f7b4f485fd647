-- NTB's craft industries that had no category (issue 16): pearl and silver jewellery, leather goods, batik and
-- eco-print beyond tobacco leaves, metalcraft and processed foods. Products of these crafts had to be put in a wrong
-- category, whose name then matched unrelated searches.
insert into category (slug, name_id, name_en, position) values
('perhiasan', 'Perhiasan', 'Jewellery', 6),
('kulit', 'Kriya Kulit', 'Leather Goods', 7),
('batik', 'Batik dan Eco-print', 'Batik and Eco-print', 8),
('logam', 'Kriya Logam', 'Metalcraft', 9),
('olahan-pangan', 'Olahan Pangan', 'Processed Foods', 10);

insert into category (slug, parent_id, name_id, name_en, position)
select child.slug, parent.id, child.name_id, child.name_en, child.position
from (values
    ('mutiara', 'perhiasan', 'Perhiasan Mutiara', 'Pearl Jewellery', 1),
    ('perak', 'perhiasan', 'Perhiasan Perak', 'Silver Jewellery', 2),
    ('tas-kulit', 'kulit', 'Tas dan Dompet Kulit', 'Leather Bags and Wallets', 1),
    ('alas-kaki-kulit', 'kulit', 'Sandal dan Sepatu Kulit', 'Leather Sandals and Shoes', 2),
    ('batik-tulis', 'batik', 'Batik Tulis dan Cap', 'Hand-drawn and Stamped Batik', 1),
    ('ecoprint-kain', 'batik', 'Eco-print Daun dan Bunga', 'Leaf and Flower Eco-print', 2),
    ('pandai-besi', 'logam', 'Pandai Besi', 'Blacksmithing', 1),
    ('kuningan', 'logam', 'Kriya Kuningan dan Tembaga', 'Brass and Copper Craft', 2),
    ('kopi', 'olahan-pangan', 'Kopi', 'Coffee', 1),
    ('madu', 'olahan-pangan', 'Madu', 'Honey', 2),
    ('camilan', 'olahan-pangan', 'Camilan dan Kue Kering', 'Snacks and Biscuits', 3)
) as child (slug, parent_slug, name_id, name_en, position)
join category parent on parent.slug = child.parent_slug;
