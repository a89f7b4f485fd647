package id.kriyanusa.media.internal;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import id.kriyanusa.platform.graphql.UserErrorCode;
import jakarta.annotation.PostConstruct;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.filters.ImageFilter;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies an uploaded image and re-encodes it. Nothing of the upload reaches a rendition
 * but its pixels: the real type comes from the magic bytes, the pixel count from the
 * header before any pixel is decoded, EXIF orientation is applied, and every rendition is
 * encoded from scratch, so EXIF (GPS included), XMP, IPTC, comments and anything appended
 * to the file are gone.
 */
@Component
public class ImageProcessor {

    private static final Logger log = LoggerFactory.getLogger(ImageProcessor.class);

    /** The formats accepted as originals. */
    public enum SourceFormat {

        JPEG("image/jpeg"), PNG("image/png"), WEBP("image/webp");

        public final String contentType;

        SourceFormat(String contentType) {
            this.contentType = contentType;
        }

        public static SourceFormat ofContentType(String contentType) {
            if (contentType == null) {
                return null;
            }
            var type = contentType.strip().toLowerCase(Locale.ROOT);
            for (var format : values()) {
                if (format.contentType.equals(type) || (format == JPEG && type.equals("image/jpg"))) {
                    return format;
                }
            }
            return null;
        }

    }

    /** The formats renditions are written in. */
    public enum RenditionFormat {

        JPEG("image/jpeg", "jpg"), WEBP("image/webp", "webp");

        public final String contentType;

        public final String extension;

        RenditionFormat(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

    }

    /** A refusal the uploader can act on: a stable code and a readable message. */
    public static class RejectedImageException extends Exception {

        private final UserErrorCode code;

        public RejectedImageException(UserErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public UserErrorCode code() {
            return code;
        }

    }

    public record Rendition(RenditionFormat format, int width, int height, byte[] bytes, String sha256) {

        /**
         * Content-addressed object name, also the path segment it is served under:
         * {@code <sha-256>.jpg}.
         */
        public String key() {
            return sha256 + "." + format.extension;
        }
    }

    public record Processed(SourceFormat sourceFormat, String originalSha256, int width, int height,
            List<Rendition> renditions) {
    }

    private static final byte[][] MARKUP = ascii("<script", "<html", "<?php", "<!doctype", "<svg ", "<svg>", "<iframe",
            "<body");

    /**
     * Most pixels decoded for one upload (100 MB as ARGB): an odd shape within the pixel
     * limit is subsampled on both axes until it fits.
     */
    private static final long DECODED_PIXELS = 25_000_000L;

    private final MediaProperties properties;

    private final boolean webpWriter;

    /**
     * Decoding takes up to ~100 MB of heap for a moment: a burst of large uploads waits
     * here instead of exhausting the heap.
     */
    private final Semaphore decodes;

    public ImageProcessor(MediaProperties properties) {
        this.properties = properties;
        this.decodes = new Semaphore(properties.concurrentDecodes() > 0 ? properties.concurrentDecodes()
                : (int) Math.max(1, Runtime.getRuntime().maxMemory() / (256L << 20)), true);
        ImageIO.setUseCache(false);
        this.webpWriter = properties.webp() && webpWorks();
        log.info("Image renditions: JPEG{}", webpWriter ? " and WebP (libwebp through webp-imageio)" : " only");
    }

    public boolean writesWebp() {
        return webpWriter;
    }

    /**
     * The first confirmation after start-up paid for loading and compiling the codecs
     * (ImageIO's readers and writers, TwelveMonkeys, Thumbnailator, libwebp, the checks'
     * loops): about 0.6 s more than a warm one for a 12-megapixel photo. Processing
     * made-up photos in the background while the rest of the portal starts (mostly
     * waiting for the database, the search engine and storage) moves that cost off the
     * request path, and usually off the start-up time too.
     */
    @PostConstruct
    void warmUpInBackground() {
        Thread.ofPlatform().daemon().name("image-codec-warm-up").start(this::warmUp);
    }

    /**
     * Runs the whole pipeline on made-up JPEG and PNG photos, so that the JIT compiles
     * its hot paths.
     */
    public void warmUp() {
        var started = System.nanoTime();
        try {
            var photo = warmUpPhoto(1800, 1200);
            var jpeg = new ByteArrayOutputStream();
            ImageIO.write(photo, "jpeg", jpeg);
            process(jpeg.toByteArray(), null);
            process(jpeg.toByteArray(), null);
            var png = new ByteArrayOutputStream();
            ImageIO.write(photo.getSubimage(0, 0, 600, 400), "png", png);
            process(png.toByteArray(), null);
            log.info("Image codecs warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        }
        catch (IOException | RejectedImageException | RuntimeException e) {
            log.warn("Image codecs not warmed up: {}", e.toString());
        }
    }

    /**
     * A gradient with noise: as much work for the codecs per pixel as a real photo,
     * unlike a flat test card.
     */
    private static BufferedImage warmUpPhoto(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new SplittableRandom(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                var noise = random.nextInt(-24, 25);
                var r = Math.clamp(x * 255L / width + noise, 0, 255);
                var g = Math.clamp(y * 255L / height + noise, 0, 255);
                var b = Math.clamp(128 + noise, 0, 255);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /**
     * The real format, from the magic bytes; null when it is none of JPEG, PNG and WebP.
     */
    public static SourceFormat sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return SourceFormat.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return SourceFormat.PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return SourceFormat.WEBP;
        }
        return null;
    }

    /**
     * Checks the upload and writes its renditions; the declared type, when given, must be
     * the real one.
     */
    public Processed process(byte[] bytes, SourceFormat declared) throws RejectedImageException {
        if (bytes.length > properties.maxUploadSize().toBytes()) {
            throw new RejectedImageException(UserErrorCode.TOO_LARGE,
                    "The image is larger than " + properties.maxUploadSize().toMegabytes() + " MB");
        }
        var format = sniff(bytes);
        if (format == null) {
            throw new RejectedImageException(UserErrorCode.NOT_AN_IMAGE, "The file is not a JPEG, PNG or WebP image");
        }
        if (declared != null && declared != format) {
            throw new RejectedImageException(UserErrorCode.TYPE_MISMATCH,
                    "The file is a " + format + " image, not " + declared.contentType + " as declared");
        }
        checkSingleContent(bytes, format);
        if (!awaitTurn()) {
            throw new RejectedImageException(UserErrorCode.BUSY,
                    "Many photos are being processed right now; try again in a minute");
        }
        try {
            return decodeAndRender(bytes, format);
        }
        finally {
            decodes.release();
        }
    }

    private boolean awaitTurn() {
        try {
            return decodes.tryAcquire(properties.decodeWait().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Processed decodeAndRender(byte[] bytes, SourceFormat format) throws RejectedImageException {
        var reader = readerFor(format);
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, format != SourceFormat.JPEG);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            }
            catch (IOException | RuntimeException e) {
                throw new RejectedImageException(UserErrorCode.CORRUPT,
                        "The image's header cannot be read: the file is damaged");
            }
            if (width <= 0 || height <= 0 || (long) width * height > properties.maxPixels()) {
                throw new RejectedImageException(UserErrorCode.TOO_MANY_PIXELS,
                        "The image has " + width + " x " + height + " pixels; at most "
                                + properties.maxPixels() / 1_000_000 + " megapixels are accepted");
            }
            var longer = Math.max(width, height);
            if (longer > properties.maxSide()
                    || longer > (long) properties.maxAspectRatio() * Math.min(width, height)) {
                throw new RejectedImageException(UserErrorCode.BAD_DIMENSIONS,
                        "The image is " + width + " x " + height + " pixels; a side may be at most "
                                + properties.maxSide() + " pixels and at most " + properties.maxAspectRatio()
                                + " times the other");
            }
            var orientation = format == SourceFormat.JPEG ? orientation(reader) : null;
            var swaps = orientation != null && orientation.ordinal() >= Orientation.LEFT_TOP.ordinal();
            var shownWidth = swaps ? height : width;
            var largest = properties.widths().stream().mapToInt(Integer::intValue).max().orElse(1600);
            var param = reader.getDefaultReadParam();
            // decoding every pixel of a huge photo only to throw most away costs heap:
            // skip rows and columns while
            // at least twice the largest rendition remains, so downscaling still averages
            // enough pixels
            var step = Math.max(Math.max(1, shownWidth / (2 * largest)),
                    (int) Math.ceil(Math.sqrt((double) width * height / DECODED_PIXELS)));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image;
            try {
                image = reader.read(0, param);
            }
            catch (IOException | RuntimeException e) {
                throw new RejectedImageException(UserErrorCode.CORRUPT,
                        "The image cannot be decoded: the file is damaged or uses an unsupported variant");
            }
            if (orientation != null && orientation != Orientation.TOP_LEFT) {
                ImageFilter filter = ExifFilterUtils.getFilterForOrientation(orientation);
                image = filter.apply(image);
            }
            var renditions = renditions(image, shownWidth);
            return new Processed(format, sha256(bytes), shownWidth, swaps ? width : height, renditions);
        }
        catch (IOException e) {
            throw new RejectedImageException(UserErrorCode.CORRUPT, "The image cannot be read: " + e.getMessage());
        }
        finally {
            reader.dispose();
        }
    }

    private List<Rendition> renditions(BufferedImage image, int originalWidth) throws IOException {
        // widths below the original's, plus the original's own (capped at the largest) so
        // nothing is upscaled
        var widths = new TreeSet<Integer>(Comparator.reverseOrder());
        var largest = properties.widths().stream().mapToInt(Integer::intValue).max().orElse(1600);
        for (var width : properties.widths()) {
            if (width < originalWidth) {
                widths.add(width);
            }
        }
        widths.add(Math.min(originalWidth, largest));
        var result = new ArrayList<Rendition>();
        var source = image;
        var alpha = image.getColorModel().hasAlpha();
        for (var width : widths) {
            // each smaller size is made from the previous one: cheaper, and still at most
            // ~3x per step
            // halving first keeps what Thumbnailator copies small: a 12-megapixel photo
            // is 36-48 MB decoded
            while (source.getWidth() > width * 2) {
                source = half(source, alpha);
            }
            var scaled = source.getWidth() == width ? source
                    : Thumbnails.of(source)
                        .width(width)
                        .imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
                        .asBufferedImage();
            var rgb = opaque(scaled);
            var jpeg = encodeJpeg(rgb);
            result.add(new Rendition(RenditionFormat.JPEG, rgb.getWidth(), rgb.getHeight(), jpeg, sha256(jpeg)));
            if (webpWriter) {
                var webp = encodeWebp(alpha ? scaled : rgb);
                result.add(
                        new Rendition(RenditionFormat.WEBP, scaled.getWidth(), scaled.getHeight(), webp, sha256(webp)));
            }
            source = scaled;
        }
        result.sort(Comparator.comparing(Rendition::format).thenComparingInt(Rendition::width));
        return result;
    }

    /**
     * Refuses files that are an image and something else at once (a polyglot): markup or
     * script a browser could be tricked into running, an archive appended at the end, or
     * bytes after the image's end marker.
     */
    private static void checkSingleContent(byte[] b, SourceFormat format) throws RejectedImageException {
        var polyglot = new RejectedImageException(UserErrorCode.POLYGLOT,
                "The file carries other content besides the image (markup, script or an archive); export it again from a photo editor");
        if (format == SourceFormat.JPEG && !jpegComplete(b)) {
            throw new RejectedImageException(UserErrorCode.CORRUPT,
                    "The JPEG image is incomplete: its end is missing (an interrupted upload or copy)");
        }
        if (format == SourceFormat.PNG) {
            var end = pngEnd(b);
            if (end < 0) {
                throw new RejectedImageException(UserErrorCode.CORRUPT, "The PNG image is damaged");
            }
            if (end < b.length) {
                throw polyglot;
            }
        }
        else if (format == SourceFormat.WEBP) {
            long declared = (b[4] & 0xFFL) | (b[5] & 0xFFL) << 8 | (b[6] & 0xFFL) << 16 | (b[7] & 0xFFL) << 24;
            if (declared + 8 < b.length - 1) {
                throw polyglot;
            }
        }
        if (containsMarkup(b)) {
            throw polyglot;
        }
        // a ZIP (or JAR, DOCX...) is found from its end-of-central-directory record near
        // the end of the file
        for (int i = Math.max(0, b.length - 65_557); i + 4 <= b.length; i++) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                throw polyglot;
            }
        }
    }

    /**
     * True when the JPEG's marker segments lead to a scan that is followed by the end
     * marker (EOI). A cut-off file decodes without error into a partly grey picture, so
     * the decoder alone does not notice. Inside compressed data every 0xFF byte is
     * followed by 0x00 or a restart marker, so the first 0xFF 0xD9 after the first scan
     * is the end marker; anything a phone appends after it is left alone.
     */
    private static boolean jpegComplete(byte[] b) {
        var at = 2; // after SOI
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return false;
            }
            var marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            var length = (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
            if (marker == 0xDA) { // start of scan: the compressed data follows its header
                for (int i = at + 2 + length; i + 1 < b.length; i++) {
                    if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                        return true;
                    }
                }
                return false;
            }
            at += 2 + length;
        }
        return false;
    }

    /** Offset just after the IEND chunk, or -1 when the chunk structure is broken. */
    private static int pngEnd(byte[] b) {
        var at = 8;
        while (at + 12 <= b.length) {
            long length = (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8
                    | (b[at + 3] & 0xFFL);
            var isEnd = b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D';
            var next = at + 12 + length;
            if (next > b.length) {
                return -1;
            }
            if (isEnd) {
                return (int) next;
            }
            at = (int) next;
        }
        return -1;
    }

    private static boolean containsMarkup(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '<') {
                continue;
            }
            outer: for (var marker : MARKUP) {
                if (i + marker.length > b.length) {
                    continue;
                }
                for (int j = 1; j < marker.length; j++) {
                    var c = b[i + j];
                    if (c >= 'A' && c <= 'Z') {
                        c += 32;
                    }
                    if (c != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static ImageReader readerFor(SourceFormat format) {
        var readers = ImageIO.getImageReadersByMIMEType(format.contentType);
        ImageReader chosen = null;
        while (readers.hasNext()) {
            var reader = readers.next();
            // TwelveMonkeys first: for JPEG it reads CMYK and YCCK files (converted to
            // sRGB) that the JDK's reader refuses
            // or shows with wrong colours, and for WebP (webp-imageio registers a reader
            // too) it is pure Java
            if (chosen == null || reader.getClass().getName().startsWith("com.twelvemonkeys")) {
                chosen = reader;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("No image reader for " + format);
        }
        return chosen;
    }

    private static Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        }
        catch (Exception e) {
            return null; // unreadable EXIF: show the pixels as stored
        }
    }

    /**
     * Half the width and height; bilinear sampling at exactly one half averages each 2 x
     * 2 block.
     */
    private static BufferedImage half(BufferedImage image, boolean alpha) {
        var half = new BufferedImage(Math.max(1, image.getWidth() / 2), Math.max(1, image.getHeight() / 2),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = half.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
        }
        finally {
            g.dispose();
        }
        return half;
    }

    /**
     * JPEG has no alpha: transparent areas become white, as on the storefront's
     * background.
     */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        }
        finally {
            g.dispose();
        }
        return rgb;
    }

    private byte[] encodeJpeg(BufferedImage image) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(properties.jpegQuality());
            // no metadata is passed: the writer emits a bare JFIF header
            writer.write(null, new IIOImage(image, null, null), param);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private byte[] encodeWebp(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            for (var type : param.getCompressionTypes()) {
                if (type.toLowerCase(Locale.ROOT).contains("lossy")) {
                    param.setCompressionType(type);
                }
            }
            param.setCompressionQuality(properties.webpQuality());
            writer.write(null, new IIOImage(image, null, null), param);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * The JNI library may be missing for this platform: try once, fall back to JPEG-only
     * renditions.
     */
    private boolean webpWorks() {
        try {
            if (!ImageIO.getImageWritersByMIMEType("image/webp").hasNext()) {
                return false;
            }
            var probe = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            var bytes = encodeWebp(probe);
            return sniff(bytes) == SourceFormat.WEBP;
        }
        catch (Throwable e) {
            log.warn("WebP renditions disabled: the WebP writer failed ({})", e.toString());
            return false;
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[][] ascii(String... markers) {
        var result = new byte[markers.length][];
        for (int i = 0; i < markers.length; i++) {
            result[i] = markers[i].getBytes(StandardCharsets.US_ASCII);
        }
        return result;
    }

}
