package id.kriyanusa.brand;

import java.util.Locale;

/**
 * Whether a brand colour can carry text, by the WCAG 2 contrast ratio. The brand page
 * writes white text on the main colour (its buttons) and the main colour as text on the
 * off-white paper (its heading); a colour that fails WCAG AA (4.5:1) for either is shown
 * as its nearest darker shade that passes, so a producer's choice never makes the page
 * unreadable.
 */
public final class PaletteContrast {

    /** WCAG AA for normal text. */
    public static final double AA = 4.5;

    /** The pages' paper colour (`--paper`), the lightest background besides white. */
    static final String PAPER = "#FBF7F1";

    static final String WHITE = "#FFFFFF";

    private PaletteContrast() {
    }

    /**
     * The contrast ratio of two `#RRGGBB` colours, from 1 (none) to 21 (black on white).
     */
    public static double ratio(String first, String second) {
        var a = luminance(first);
        var b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** The ratio of white text on the colour, as the page's buttons show it. */
    public static double withWhiteText(String colour) {
        return ratio(colour, WHITE);
    }

    /**
     * The colour itself when white text on it and it as text on the paper both meet AA,
     * else the lightest shade of the same hue (each channel scaled down alike) that does.
     */
    public static String readableShade(String colour) {
        if (ratio(colour, PAPER) >= AA) {
            return colour.toUpperCase(Locale.ROOT);
        }
        var rgb = channels(colour);
        double dark = 0;
        double light = 1;
        // the ratio grows as the scale shrinks: halve the interval until a 1/256 step
        while (light - dark > 1.0 / 512) {
            var middle = (dark + light) / 2;
            if (ratio(hex(rgb, middle), PAPER) >= AA) {
                dark = middle;
            }
            else {
                light = middle;
            }
        }
        return hex(rgb, dark);
    }

    private static double luminance(String colour) {
        var rgb = channels(colour);
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    private static double linear(int channel) {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int[] channels(String colour) {
        if (colour == null || !colour.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("Not a #RRGGBB colour: " + colour);
        }
        var value = Integer.parseInt(colour.substring(1), 16);
        return new int[] { value >> 16, (value >> 8) & 0xFF, value & 0xFF };
    }

    private static String hex(int[] rgb, double scale) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", (int) (rgb[0] * scale), (int) (rgb[1] * scale),
                (int) (rgb[2] * scale));
    }

}
