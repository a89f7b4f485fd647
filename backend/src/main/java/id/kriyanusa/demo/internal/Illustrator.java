package id.kriyanusa.demo.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Draws the demo catalogue's illustrations with Java2D: a motif per craft, a monogram per
 * brand, a pattern per brand cover and a landscape per village, each marked "Ilustrasi"
 * so nobody takes it for a photo of the real thing. Drawings are deterministic (PNG of
 * the same pixels), so the same motif in the same colours is the same content-addressed
 * image.
 */
public final class Illustrator {

    /** What a product illustration shows, chosen from its category. */
    public enum Motif {

        TOBACCO_LEAF, ECO_PRINT, PAPER, JUG, BOWL, VASE, PLANTER, SONGKET, IKAT, CHECK, CLOTH, WEAVE, INLAY, CARVING,
        WOOD, CRAFT;

        /**
         * The motif of a category, by its own slug and its parent's (either may be null).
         */
        public static Motif of(String slug, String parentSlug) {
            var own = slug == null ? "" : slug;
            return switch (own) {
                case "eco-print", "pewarna-alam" -> ECO_PRINT;
                case "kertas-batang-tembakau" -> PAPER;
                case "anyaman-daun-tembakau" -> WEAVE;
                case "hiasan-batang-tembakau", "kriya-tembakau" -> TOBACCO_LEAF;
                case "kendi-dan-teko", "gerabah" -> JUG;
                case "gerabah-dapur" -> BOWL;
                case "gerabah-hias" -> VASE;
                case "pot-gerabah" -> PLANTER;
                case "songket", "tenun" -> SONGKET;
                case "tenun-ikat" -> IKAT;
                case "sarung-tenun" -> CHECK;
                case "busana-tenun" -> CLOTH;
                case "ketak", "rotan", "bambu", "pandan-dan-lontar", "anyaman" -> WEAVE;
                case "cukli" -> INLAY;
                case "ukiran-kayu" -> CARVING;
                case "perabot-kayu", "kayu" -> WOOD;
                default -> parentSlug == null ? CRAFT : of(parentSlug, null);
            };
        }

    }

    /**
     * Colours to draw in: the brand's palette where it has one, earthy defaults where
     * not.
     */
    public record Palette(Color primary, Color secondary, Color accent) {

        public static final Palette EARTH = new Palette(new Color(0x6B4F2A), new Color(0xEFE6D2), new Color(0x2F6B3A));

        /** From `#RRGGBB` values; a missing or unreadable one takes the default's. */
        public static Palette of(String primary, String secondary, String accent) {
            return new Palette(color(primary, EARTH.primary), color(secondary, EARTH.secondary),
                    color(accent, EARTH.accent));
        }

        private static Color color(String hex, Color fallback) {
            if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
                return fallback;
            }
            return new Color(Integer.parseInt(hex.substring(1), 16));
        }

        /** A short stable name of the colours, to group products drawn alike. */
        public String key() {
            return String.format(Locale.ROOT, "%06x-%06x-%06x", primary.getRGB() & 0xFFFFFF,
                    secondary.getRGB() & 0xFFFFFF, accent.getRGB() & 0xFFFFFF);
        }

    }

    /** Every original is this wide, so that renditions of every width exist. */
    static final int WIDTH = 1600;

    private static final Set<String> GENERIC_WORDS = Set.of("koperasi", "kelompok", "ikm", "ukm", "umkm", "cv", "ud",
            "pt", "dan", "&");

    /** A product illustration, 4:3. */
    public byte[] product(Motif motif, Palette palette) {
        var image = canvas(WIDTH, 1200);
        var g = graphics(image);
        var light = palette.secondary();
        g.setPaint(new GradientPaint(0, 0, brighter(light, 0.35), 0, 1200, light));
        g.fillRect(0, 0, WIDTH, 1200);
        // a soft floor shadow under the object
        g.setColor(mix(light, Color.BLACK, 0.12));
        g.fill(new Ellipse2D.Double(400, 1000, 800, 90));
        switch (motif) {
            case TOBACCO_LEAF -> tobaccoLeaf(g, palette, 800, 560, 1.0, -0.35);
            case ECO_PRINT -> ecoPrint(g, palette);
            case PAPER -> paper(g, palette);
            case JUG -> jug(g, palette);
            case BOWL -> bowl(g, palette);
            case VASE -> vase(g, palette);
            case PLANTER -> planter(g, palette);
            case SONGKET, IKAT, CHECK, CLOTH -> cloth(g, palette, motif);
            case WEAVE -> basket(g, palette);
            case INLAY -> inlay(g, palette);
            case CARVING -> carving(g, palette);
            default -> woodenTray(g, palette);
        }
        label(g, 1200);
        return png(image, g);
    }

    /** A brand's logo: its initials in a roundel of its colours, square. */
    public byte[] logo(String brandName, Palette palette) {
        var size = WIDTH;
        var image = canvas(size, size);
        var g = graphics(image);
        g.setColor(palette.secondary());
        g.fillRect(0, 0, size, size);
        g.setColor(palette.primary());
        g.fill(new Ellipse2D.Double(120, 120, size - 240, size - 240));
        g.setColor(palette.accent());
        g.setStroke(new BasicStroke(40));
        g.draw(new Ellipse2D.Double(220, 220, size - 440, size - 440));
        g.setColor(readableOn(palette.primary(), palette.secondary()));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 520));
        var initials = initials(brandName);
        var metrics = g.getFontMetrics();
        g.drawString(initials, (size - metrics.stringWidth(initials)) / 2f,
                size / 2f + (metrics.getAscent() - metrics.getDescent()) / 2f);
        label(g, size);
        return png(image, g);
    }

    /** A brand page's cover: a band of woven lozenges in the brand's colours, 8:3. */
    public byte[] cover(Palette palette) {
        var height = 600;
        var image = canvas(WIDTH, height);
        var g = graphics(image);
        g.setColor(palette.primary());
        g.fillRect(0, 0, WIDTH, height);
        var step = 200;
        for (int row = 0; row * step / 2 <= height + step; row++) {
            for (int col = -1; col * step <= WIDTH + step; col++) {
                var x = col * step + (row % 2 == 0 ? 0 : step / 2);
                var y = row * step / 2;
                g.setColor(row % 3 == 0 ? palette.accent() : palette.secondary());
                g.fill(diamond(x, y, step * 0.42, step * 0.42));
                g.setColor(palette.primary());
                g.fill(diamond(x, y, step * 0.22, step * 0.22));
                g.setColor(row % 3 == 0 ? palette.secondary() : palette.accent());
                g.fill(diamond(x, y, step * 0.09, step * 0.09));
            }
        }
        label(g, height);
        return png(image, g);
    }

    /**
     * A village's landscape: sky, a volcano's silhouette, hills and rice terraces, varied
     * by a seed (the village's name), 16:9.
     */
    public byte[] village(String seed) {
        var height = 900;
        var image = canvas(WIDTH, height);
        var g = graphics(image);
        var random = new SplittableRandom(seed.hashCode());
        var dusk = random.nextBoolean();
        var skyTop = dusk ? new Color(0x355C7D) : new Color(0x4A90C2);
        var skyLow = dusk ? new Color(0xF8B195) : new Color(0xCDE7F0);
        g.setPaint(new GradientPaint(0, 0, skyTop, 0, 560, skyLow));
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(dusk ? new Color(0xFCE38A) : new Color(0xFFF3B0));
        var sunX = 200 + random.nextInt(1200);
        g.fill(new Ellipse2D.Double(sunX, 110 + random.nextInt(120), 130, 130));
        // the volcano (Rinjani on Lombok, Tambora on Sumbawa)
        var peak = 350 + random.nextInt(900);
        var volcano = new Path2D.Double();
        volcano.moveTo(peak - 700, 620);
        volcano.curveTo(peak - 300, 520, peak - 120, 260, peak - 40, 200);
        volcano.lineTo(peak + 40, 205);
        volcano.curveTo(peak + 120, 260, peak + 320, 520, peak + 750, 620);
        volcano.closePath();
        g.setColor(mix(skyTop, new Color(0x2B3A42), 0.55));
        g.fill(volcano);
        var hills = new Color[] { new Color(0x5E8C4A), new Color(0x4C7A3A), new Color(0x3B6630), new Color(0x6E9B3F),
                new Color(0x88B04B) };
        for (int i = 0; i < hills.length; i++) {
            var top = 560 + i * 70;
            var wave = new Path2D.Double();
            wave.moveTo(0, height);
            wave.lineTo(0, top);
            var phase = random.nextDouble() * Math.PI * 2;
            for (int x = 0; x <= WIDTH; x += 40) {
                wave.lineTo(x, top + Math.sin(x / (180.0 + i * 40) + phase) * (30 - i * 4));
            }
            wave.lineTo(WIDTH, height);
            wave.closePath();
            g.setColor(hills[i]);
            g.fill(wave);
            // the terraces' water catches the sky
            if (i >= 2) {
                g.setColor(mix(hills[i], skyLow, 0.35));
                g.setStroke(new BasicStroke(5));
                g.draw(new Path2D.Double(wave, AffineTransform.getTranslateInstance(0, 22)));
            }
        }
        label(g, height);
        return png(image, g);
    }

    /** Up to two initials from the words that name the brand, not its legal form. */
    static String initials(String name) {
        var letters = new StringBuilder();
        for (var word : (name == null ? "" : name).split("[\\s-]+")) {
            if (!word.isEmpty() && !GENERIC_WORDS.contains(word.toLowerCase(Locale.ROOT))
                    && Character.isLetterOrDigit(word.codePointAt(0)) && letters.length() < 2) {
                letters.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return letters.isEmpty() ? "K" : letters.toString();
    }

    // ---- motifs

    private static void tobaccoLeaf(Graphics2D g, Palette p, double cx, double cy, double scale, double angle) {
        var saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(angle);
        g.scale(scale, scale);
        var leaf = new Path2D.Double();
        leaf.moveTo(0, -420);
        leaf.curveTo(260, -300, 300, 150, 0, 420);
        leaf.curveTo(-300, 150, -260, -300, 0, -420);
        g.setColor(mix(p.accent(), new Color(0x5A7D2A), 0.5));
        g.fill(leaf);
        g.setColor(brighter(g.getColor(), 0.35));
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(0, -400, 0, 520));
        for (int i = -3; i <= 3; i++) {
            var y = i * 100.0;
            var reach = 200 - Math.abs(i) * 35;
            g.draw(new java.awt.geom.QuadCurve2D.Double(0, y, reach * 0.6, y - 40, reach, y - 120));
            g.draw(new java.awt.geom.QuadCurve2D.Double(0, y, -reach * 0.6, y - 40, -reach, y - 120));
        }
        g.setTransform(saved);
    }

    private static void ecoPrint(Graphics2D g, Palette p) {
        var cloth = new RoundRectangle2D.Double(260, 180, 1080, 820, 30, 30);
        g.setColor(brighter(p.secondary(), 0.5));
        g.fill(cloth);
        var clip = g.getClip();
        g.clip(cloth);
        var random = new SplittableRandom(7);
        var print = new Palette(p.primary(), p.secondary(), mix(p.primary(), p.accent(), 0.5));
        var composite = g.getComposite();
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.75f));
        for (int i = 0; i < 7; i++) {
            tobaccoLeaf(g, print, 330 + random.nextInt(940), 250 + random.nextInt(680), 0.33 + random.nextDouble() / 5,
                    random.nextDouble() * Math.PI * 2);
        }
        g.setComposite(composite);
        g.setClip(clip);
        g.setColor(mix(p.secondary(), Color.BLACK, 0.3));
        g.setStroke(new BasicStroke(6));
        g.draw(cloth);
    }

    private static void paper(Graphics2D g, Palette p) {
        var random = new SplittableRandom(11);
        for (int i = 0; i < 3; i++) {
            var saved = g.getTransform();
            g.rotate(Math.toRadians(-8 + i * 7), 800, 600);
            var sheet = new Rectangle2D.Double(470, 200, 660, 820);
            g.setColor(mix(p.secondary(), p.primary(), 0.15 + i * 0.12));
            g.fill(sheet);
            g.setColor(mix(p.secondary(), p.primary(), 0.45));
            g.setStroke(new BasicStroke(3));
            for (int f = 0; f < 60; f++) {
                var x = 480 + random.nextInt(620);
                var y = 210 + random.nextInt(780);
                g.draw(new java.awt.geom.Line2D.Double(x, y, x + random.nextInt(-30, 31), y + random.nextInt(-12, 13)));
            }
            g.setTransform(saved);
        }
        tobaccoLeaf(g, p, 800, 610, 0.45, 0.5);
    }

    private static void jug(Graphics2D g, Palette p) {
        var body = new Path2D.Double();
        body.moveTo(720, 330);
        body.lineTo(720, 420);
        body.curveTo(450, 470, 430, 950, 800, 980);
        body.curveTo(1170, 950, 1150, 470, 880, 420);
        body.lineTo(880, 330);
        body.closePath();
        var spout = new Path2D.Double();
        spout.moveTo(1050, 560);
        spout.lineTo(1240, 420);
        spout.lineTo(1265, 450);
        spout.lineTo(1090, 660);
        spout.closePath();
        var clay = mix(p.primary(), new Color(0xA0522D), 0.5);
        g.setColor(clay);
        g.fill(spout);
        g.fill(body);
        g.fill(new RoundRectangle2D.Double(690, 300, 220, 50, 20, 20));
        bands(g, body, p.accent(), brighter(clay, 0.3), 640, 700, 760);
    }

    private static void bowl(Graphics2D g, Palette p) {
        var clay = mix(p.primary(), new Color(0xA0522D), 0.5);
        for (int i = 0; i < 3; i++) {
            var top = 640 - i * 150;
            var bowl = new Path2D.Double();
            bowl.moveTo(420 + i * 60, top);
            bowl.curveTo(470 + i * 60, top + 330, 1130 - i * 60, top + 330, 1180 - i * 60, top);
            bowl.closePath();
            g.setColor(i % 2 == 0 ? clay : brighter(clay, 0.15));
            g.fill(bowl);
            g.setColor(p.accent());
            g.setStroke(new BasicStroke(14));
            g.draw(new java.awt.geom.Line2D.Double(440 + i * 60, top + 30, 1160 - i * 60, top + 30));
        }
    }

    private static void vase(Graphics2D g, Palette p) {
        var vase = new Path2D.Double();
        vase.moveTo(700, 180);
        vase.curveTo(740, 330, 540, 520, 600, 760);
        vase.curveTo(640, 930, 700, 990, 800, 990);
        vase.curveTo(900, 990, 960, 930, 1000, 760);
        vase.curveTo(1060, 520, 860, 330, 900, 180);
        vase.closePath();
        var clay = mix(p.primary(), new Color(0x8B4513), 0.4);
        g.setColor(clay);
        g.fill(vase);
        bands(g, vase, p.accent(), p.secondary(), 420, 560, 820);
    }

    private static void planter(Graphics2D g, Palette p) {
        g.setColor(p.accent());
        for (int i = 0; i < 5; i++) {
            var saved = g.getTransform();
            g.rotate(Math.toRadians(-50 + i * 25), 800, 520);
            g.fill(new Ellipse2D.Double(760, 180, 80, 340));
            g.setTransform(saved);
        }
        var pot = new Path2D.Double();
        pot.moveTo(520, 520);
        pot.lineTo(1080, 520);
        pot.lineTo(990, 990);
        pot.lineTo(610, 990);
        pot.closePath();
        var clay = mix(p.primary(), new Color(0xB5651D), 0.5);
        g.setColor(clay);
        g.fill(pot);
        g.setColor(brighter(clay, 0.2));
        g.fill(new Rectangle2D.Double(490, 500, 620, 80));
    }

    private static void cloth(Graphics2D g, Palette p, Motif motif) {
        // a length of cloth hanging from a rod, its lower end folded back
        var cloth = new Rectangle2D.Double(380, 170, 840, 840);
        var clip = g.getClip();
        g.clip(cloth);
        g.setColor(p.primary());
        g.fill(cloth);
        switch (motif) {
            case SONGKET -> {
                for (int y = 200; y < 1010; y += 160) {
                    g.setColor(p.accent());
                    g.fill(new Rectangle2D.Double(380, y, 840, 18));
                    for (int x = 420; x < 1220; x += 80) {
                        g.setColor(p.secondary());
                        g.fill(diamond(x, y + 80, 30, 40));
                        g.setColor(p.primary());
                        g.fill(diamond(x, y + 80, 12, 16));
                    }
                }
            }
            case IKAT -> {
                g.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int y = 240; y < 1010; y += 150) {
                    var zigzag = new Path2D.Double();
                    zigzag.moveTo(380, y);
                    for (int x = 380; x <= 1240; x += 70) {
                        zigzag.lineTo(x, y + ((x / 70) % 2 == 0 ? -45 : 45));
                    }
                    // ikat's blurred edges: the thread was dyed before weaving
                    g.setColor(mix(p.secondary(), p.primary(), 0.5));
                    g.draw(new Path2D.Double(zigzag, AffineTransform.getTranslateInstance(6, 8)));
                    g.setColor(p.secondary());
                    g.draw(zigzag);
                    g.setColor(p.accent());
                    g.fill(diamond(800, y + 75, 26, 26));
                }
            }
            case CHECK -> {
                var composite = g.getComposite();
                g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.55f));
                for (int i = 0; i < 12; i++) {
                    g.setColor(i % 3 == 0 ? p.accent() : p.secondary());
                    var width = i % 3 == 0 ? 50 : 24;
                    g.fill(new Rectangle2D.Double(380 + i * 75, 170, width, 840));
                    g.fill(new Rectangle2D.Double(380, 170 + i * 75, 840, width));
                }
                g.setComposite(composite);
            }
            default -> {
                for (int x = 380, i = 0; x < 1220; x += 60, i++) {
                    g.setColor(i % 4 == 0 ? p.accent() : i % 2 == 0 ? p.secondary() : p.primary());
                    g.fill(new Rectangle2D.Double(x, 170, 30, 840));
                }
            }
        }
        g.setClip(clip);
        g.setColor(mix(p.primary(), Color.BLACK, 0.35));
        g.fill(new RoundRectangle2D.Double(340, 140, 920, 40, 20, 20));
        g.setColor(new Color(0, 0, 0, 40));
        g.fill(new Rectangle2D.Double(380, 870, 840, 140));
    }

    private static void basket(Graphics2D g, Palette p) {
        var basket = new Path2D.Double();
        basket.moveTo(380, 380);
        basket.lineTo(1220, 380);
        basket.curveTo(1200, 800, 1100, 990, 800, 990);
        basket.curveTo(500, 990, 400, 800, 380, 380);
        basket.closePath();
        var fibre = mix(p.secondary(), new Color(0xC8A165), 0.6);
        var shade = mix(fibre, p.primary(), 0.45);
        var clip = g.getClip();
        g.clip(basket);
        var strip = 50;
        for (int row = 0; row * strip < 640; row++) {
            for (int col = 0; col * strip < 860; col++) {
                // over two, under two: the twill of anyaman
                var over = ((row + col) / 2) % 2 == 0;
                g.setColor(over ? fibre : shade);
                g.fill(new Rectangle2D.Double(380 + col * strip, 380 + row * strip, strip - 4, strip - 4));
            }
        }
        g.setClip(clip);
        g.setColor(p.accent());
        g.setStroke(new BasicStroke(34, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(380, 380, 1220, 380));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Arc2D.Double(520, 120, 560, 520, 0, 180, java.awt.geom.Arc2D.OPEN));
    }

    private static void inlay(Graphics2D g, Palette p) {
        var box = new RoundRectangle2D.Double(360, 300, 880, 660, 40, 40);
        g.setColor(new Color(0x2B1B12));
        g.fill(box);
        var shell = new Color(0xF2EEE6);
        g.setColor(shell);
        for (int x = 440; x < 1200; x += 80) {
            g.fill(diamond(x, 360, 18, 26));
            g.fill(diamond(x, 900, 18, 26));
        }
        g.setColor(mix(shell, p.accent(), 0.2));
        for (int i = 0; i < 8; i++) {
            var saved = g.getTransform();
            g.rotate(Math.toRadians(i * 45), 800, 630);
            g.fill(new Ellipse2D.Double(780, 450, 40, 150));
            g.setTransform(saved);
        }
        g.setColor(shell);
        g.fill(new Ellipse2D.Double(760, 590, 80, 80));
    }

    private static void carving(Graphics2D g, Palette p) {
        var wood = mix(p.primary(), new Color(0x7B4A26), 0.5);
        var mask = new Ellipse2D.Double(560, 200, 480, 780);
        g.setColor(wood);
        g.fill(mask);
        g.setColor(mix(wood, Color.BLACK, 0.45));
        g.fill(new Ellipse2D.Double(650, 460, 110, 60));
        g.fill(new Ellipse2D.Double(840, 460, 110, 60));
        g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Arc2D.Double(690, 700, 220, 120, 200, 140, java.awt.geom.Arc2D.OPEN));
        g.setColor(p.accent());
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 3; i++) {
            g.draw(new java.awt.geom.Arc2D.Double(680 + i * 40, 250 + i * 25, 240 - i * 80, 160 - i * 50, 0, 180,
                    java.awt.geom.Arc2D.OPEN));
        }
    }

    private static void woodenTray(Graphics2D g, Palette p) {
        var wood = mix(p.primary(), new Color(0x9C6B3C), 0.5);
        var tray = new Ellipse2D.Double(300, 420, 1000, 520);
        g.setColor(wood);
        g.fill(tray);
        g.setColor(brighter(wood, 0.2));
        g.fill(new Ellipse2D.Double(370, 460, 860, 420));
        g.setColor(mix(wood, Color.BLACK, 0.2));
        g.setStroke(new BasicStroke(5));
        for (int i = 1; i < 6; i++) {
            g.draw(new Ellipse2D.Double(370 + i * 60, 460 + i * 30, 860 - i * 120, 420 - i * 60));
        }
        g.setColor(p.accent());
        g.fill(new Ellipse2D.Double(770, 640, 60, 60));
    }

    // ---- drawing helpers

    /** Painted bands around a vessel, clipped to its body. */
    private static void bands(Graphics2D g, Shape body, Color band, Color line, int... ys) {
        var clip = g.getClip();
        g.clip(body);
        for (var y : ys) {
            g.setColor(band);
            g.fill(new Rectangle2D.Double(0, y, WIDTH, 26));
            g.setColor(line);
            for (int x = 0; x < WIDTH; x += 48) {
                g.fill(diamond(x, y + 48, 10, 10));
            }
        }
        g.setClip(clip);
    }

    /** The mark that tells it is a drawing: "Ilustrasi" on a pill, bottom left. */
    private static void label(Graphics2D g, int height) {
        // as large on a cover or a logo as on a product card shown at the same width
        var size = WIDTH / 28;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        var metrics = g.getFontMetrics();
        var text = "Ilustrasi";
        var pad = size / 2;
        var width = metrics.stringWidth(text) + 2 * pad;
        var pillHeight = metrics.getHeight() + pad / 2;
        var x = pad;
        var y = height - pad - pillHeight;
        g.setColor(new Color(0, 0, 0, 170));
        g.fill(new RoundRectangle2D.Double(x, y, width, pillHeight, pillHeight, pillHeight));
        g.setColor(Color.WHITE);
        g.drawString(text, x + pad, y + pad / 4f + metrics.getAscent());
    }

    private static Shape diamond(double cx, double cy, double rx, double ry) {
        var d = new Path2D.Double();
        d.moveTo(cx, cy - ry);
        d.lineTo(cx + rx, cy);
        d.lineTo(cx, cy + ry);
        d.lineTo(cx - rx, cy);
        d.closePath();
        return d;
    }

    private static Color mix(Color a, Color b, double share) {
        return new Color((int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
                (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
                (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
    }

    private static Color brighter(Color color, double share) {
        return mix(color, Color.WHITE, share);
    }

    /** Whichever of the two colours, or white, stands out more against the background. */
    private static Color readableOn(Color background, Color preferred) {
        return Math.abs(luminance(preferred) - luminance(background)) > 0.35 ? preferred
                : luminance(background) > 0.5 ? Color.BLACK : Color.WHITE;
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    private static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D graphics(BufferedImage image) {
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static byte[] png(BufferedImage image, Graphics2D g) {
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
