package id.kriyanusa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import id.kriyanusa.media.internal.ImageProcessor;
import id.kriyanusa.media.internal.ImageProcessor.RejectedImageException;
import id.kriyanusa.media.internal.ImageProcessor.RenditionFormat;
import id.kriyanusa.media.internal.ImageProcessor.SourceFormat;
import id.kriyanusa.media.internal.MediaProperties;
import id.kriyanusa.platform.graphql.UserErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The verification and re-encoding rules, without storage or database. */
class ImageProcessorTest {

    static final MediaProperties DEFAULTS = new MediaProperties(DataSize.ofMegabytes(15), 50_000_000L,
            java.time.Duration.ofMinutes(10), List.of(160, 480, 960, 1600), 0.82f, 0.80f, true,
            DataSize.ofMegabytes(64), "", 20_000, 10, 0, java.time.Duration.ofSeconds(15),
            java.time.Duration.ofHours(24));

    final ImageProcessor processor = new ImageProcessor(DEFAULTS);

    @Test
    void aCameraPhotoIsTurnedUprightAndLosesEveryTagGpsIncluded() throws Exception {
        var photo = TestImages.jpegWithGps(2000, 1500, 6);

        var processed = processor.process(photo, SourceFormat.JPEG);

        assertThat(processed.width()).as("turned upright").isEqualTo(1500);
        assertThat(processed.height()).isEqualTo(2000);
        var jpegs = processed.renditions().stream().filter(r -> r.format() == RenditionFormat.JPEG).toList();
        assertThat(jpegs).extracting(ImageProcessor.Rendition::width).containsExactly(160, 480, 960, 1500);
        for (var rendition : processed.renditions()) {
            assertThat(TestImages.hasExif(rendition.bytes())).as("EXIF of %s", rendition.key()).isFalse();
            assertThat(rendition.height()).isCloseTo(Math.round(rendition.width() * 2000 / 1500f),
                    org.assertj.core.data.Offset.offset(1));
            assertThat(rendition.key())
                .isEqualTo(ImageProcessor.sha256(rendition.bytes()) + "." + rendition.format().extension);
        }
        for (var rendition : jpegs) {
            assertThat(TestImages.hasGps(rendition.bytes())).isFalse();
            var decoded = TestImages.read(rendition.bytes());
            assertThat(decoded.getWidth()).isEqualTo(rendition.width());
            // the red mark of the top-left corner ends top-right once turned 90 degrees
            // clockwise
            var topRight = new java.awt.Color(decoded.getRGB(decoded.getWidth() - 2, 1));
            assertThat(topRight.getRed()).as("top-right pixel is red").isGreaterThan(180);
            assertThat(topRight.getGreen()).isLessThan(90);
        }
    }

    @Test
    void aJpegCutOffBeforeItsEndIsRefusedAsIncomplete() throws Exception {
        var photo = TestImages.jpeg(1200, 900);
        var firstThird = java.util.Arrays.copyOf(photo, photo.length / 3);

        assertThatThrownBy(() -> processor.process(firstThird, SourceFormat.JPEG))
            .isInstanceOfSatisfying(RejectedImageException.class,
                    e -> assertThat(e.code()).isEqualTo(UserErrorCode.CORRUPT))
            .hasMessageContaining("incomplete");
        assertThat(processor.process(photo, SourceFormat.JPEG).width()).as("the whole file").isEqualTo(1200);
    }

    @Test
    void aStripWithinThePixelLimitIsRefusedByItsShapeBeforeDecoding() throws Exception {
        for (var strip : List.of(TestImages.pngBomb(500, 60_000), TestImages.pngBomb(500, 99_999),
                TestImages.pngBomb(60_000, 500), TestImages.pngBomb(25_000, 2_000))) {
            var started = System.nanoTime();
            assertThatThrownBy(() -> processor.process(strip, SourceFormat.PNG)).isInstanceOfSatisfying(
                    RejectedImageException.class, e -> assertThat(e.code()).isEqualTo(UserErrorCode.BAD_DIMENSIONS));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).as("refused from the header")
                .isLessThan(java.time.Duration.ofSeconds(2));
        }
    }

    @Test
    void aTallButReasonableImageGetsRenditionsEveryEncoderTakes() throws Exception {
        var processed = processor.process(TestImages.png(600, 6_000), SourceFormat.PNG);

        assertThat(processed.renditions()).extracting(ImageProcessor.Rendition::format)
            .contains(RenditionFormat.JPEG, RenditionFormat.WEBP);
        assertThat(processed.renditions()).allSatisfy(r -> assertThat(r.height()).isEqualTo(r.width() * 10));
    }

    @Test
    void aSmallImageIsNeverUpscaled() throws Exception {
        var processed = processor.process(TestImages.png(300, 200), SourceFormat.PNG);

        assertThat(processed.renditions()
            .stream()
            .filter(r -> r.format() == RenditionFormat.JPEG)
            .map(ImageProcessor.Rendition::width)).containsExactly(160, 300);
    }

    @Test
    void webpRenditionsAreWrittenAndWebpUploadsRead() throws Exception {
        assertThat(processor.writesWebp()).as("libwebp JNI writer works here").isTrue();
        var processed = processor.process(TestImages.jpeg(800, 600), null);
        var webp = processed.renditions().stream().filter(r -> r.format() == RenditionFormat.WEBP).toList();
        assertThat(webp).extracting(ImageProcessor.Rendition::width).containsExactly(160, 480, 800);

        // a WebP upload (here one of our own renditions) is read through TwelveMonkeys
        var again = processor.process(webp.getLast().bytes(), SourceFormat.WEBP);
        assertThat(again.sourceFormat()).isEqualTo(SourceFormat.WEBP);
        assertThat(again.width()).isEqualTo(800);
    }

    @Test
    void thePixelCountIsCheckedFromTheHeaderBeforeDecoding() throws Exception {
        var bomb = TestImages.pngBomb(30_000, 30_000);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> processor.process(bomb, SourceFormat.PNG)).isInstanceOfSatisfying(
                RejectedImageException.class, e -> assertThat(e.code()).isEqualTo(UserErrorCode.TOO_MANY_PIXELS));

        // decoding 900 megapixels would allocate a 2.7 GB raster; reading the header
        // allocates next to nothing
        assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).as("bytes allocated")
            .isLessThan(16L << 20);
    }

    @Test
    void aJpegDeclaringTooManyPixelsIsRefusedBeforeDecoding() throws Exception {
        // decoding would need 2.7 GB of heap: an OutOfMemoryError, not a user error, if
        // the header were not checked
        assertThat(code(() -> processor.process(TestImages.jpegBomb(30_000, 30_000), SourceFormat.JPEG)))
            .isEqualTo("TOO_MANY_PIXELS");
    }

    @Test
    void cmykAndYcckJpegsFromPrintWorkflowsBecomeSrgbRenditions() throws Exception {
        for (var ycck : List.of(false, true)) {
            var processed = processor.process(TestImages.cmykJpeg(800, 600, ycck), SourceFormat.JPEG);

            assertThat(processed.width()).isEqualTo(800);
            var jpegs = processed.renditions().stream().filter(r -> r.format() == RenditionFormat.JPEG).toList();
            assertThat(jpegs).extracting(ImageProcessor.Rendition::width).containsExactly(160, 480, 800);
            for (var rendition : jpegs) {
                var decoded = TestImages.read(rendition.bytes());
                assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
                // the colours survive the conversion: the red mark top-left stays pure
                // red, not washed out pink
                assertThat(new java.awt.Color(decoded.getRGB(1, 1))).as("YCCK %s, width %d", ycck, rendition.width())
                    .satisfies(red -> {
                        assertThat(red.getRed()).isGreaterThan(225);
                        assertThat(red.getGreen()).isLessThan(30);
                        assertThat(red.getBlue()).isLessThan(30);
                    });
            }
        }
    }

    @Test
    void onlyRealJpegPngAndWebpImagesAreAccepted() throws Exception {
        assertThat(code(() -> processor.process("GIF89a not really".getBytes(), null))).isEqualTo("NOT_AN_IMAGE");
        assertThat(
                code(() -> processor.process("<html><script>alert(1)</script></html>".getBytes(), SourceFormat.JPEG)))
            .isEqualTo("NOT_AN_IMAGE");
        assertThat(code(() -> processor.process(TestImages.png(40, 40), SourceFormat.JPEG))).isEqualTo("TYPE_MISMATCH");
        assertThat(code(() -> processor.process(TestImages.htmlPolyglot(), SourceFormat.JPEG))).isEqualTo("POLYGLOT");
        var png = TestImages.png(40, 40);
        var trailing = java.util.Arrays.copyOf(png, png.length + 30);
        assertThat(code(() -> processor.process(trailing, SourceFormat.PNG))).as("bytes after IEND")
            .isEqualTo("POLYGLOT");
        var truncated = java.util.Arrays.copyOf(TestImages.jpeg(400, 300), 600);
        assertThat(code(() -> processor.process(truncated, SourceFormat.JPEG))).isEqualTo("CORRUPT");
    }

    interface Processing {

        Object run() throws Exception;

    }

    private static String code(Processing processing) throws Exception {
        try {
            processing.run();
            return "accepted";
        }
        catch (RejectedImageException e) {
            return e.code().name();
        }
    }

}
