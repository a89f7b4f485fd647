package id.kriyanusa.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Brand colours as producers pick them: the contrast ratio follows WCAG 2, and the shade
 * the brand page shows always carries text at AA.
 */
class PaletteContrastTest {

    @Test
    void ratiosFollowWcag() {
        assertThat(PaletteContrast.ratio("#000000", "#FFFFFF")).isCloseTo(21, within(0.001));
        assertThat(PaletteContrast.ratio("#777777", "#FFFFFF")).isCloseTo(4.48, within(0.01));
        assertThat(PaletteContrast.ratio("#FFFFFF", "#777777")).as("symmetric").isCloseTo(4.48, within(0.01));
        assertThat(PaletteContrast.withWhiteText("#A4502A")).isCloseTo(5.59, within(0.01));
    }

    @Test
    void aReadableColourIsKept() {
        assertThat(PaletteContrast.readableShade("#2b2118")).isEqualTo("#2B2118");
        assertThat(PaletteContrast.readableShade("#A4502A")).isEqualTo("#A4502A");
    }

    @ParameterizedTest
    @ValueSource(strings = { "#F4D03F", "#FFFFFF", "#E8B4B8", "#7FB3D5", "#8FBC3A", "#FF0000", "#777777" })
    void aPaleColourBecomesTheLightestReadableShadeOfItsHue(String colour) {
        var shade = PaletteContrast.readableShade(colour);
        assertThat(PaletteContrast.ratio(shade, PaletteContrast.PAPER)).isGreaterThanOrEqualTo(PaletteContrast.AA);
        assertThat(PaletteContrast.withWhiteText(shade)).isGreaterThanOrEqualTo(PaletteContrast.AA);
        var lighter = String.format("#%02X%02X%02X", Math.min(255, Integer.parseInt(shade.substring(1, 3), 16) + 3),
                Math.min(255, Integer.parseInt(shade.substring(3, 5), 16) + 3),
                Math.min(255, Integer.parseInt(shade.substring(5, 7), 16) + 3));
        assertThat(PaletteContrast.ratio(lighter, PaletteContrast.PAPER)).as("no lighter shade would pass")
            .isLessThan(PaletteContrast.AA + 0.2);
    }

    @Test
    void theHueStays() {
        // yellow stays yellowish-brown: red and green lead, blue stays lowest
        var shade = PaletteContrast.readableShade("#F4D03F");
        var r = Integer.parseInt(shade.substring(1, 3), 16);
        var g = Integer.parseInt(shade.substring(3, 5), 16);
        var b = Integer.parseInt(shade.substring(5, 7), 16);
        assertThat(r).isGreaterThan(g).isGreaterThan(b);
    }

}
