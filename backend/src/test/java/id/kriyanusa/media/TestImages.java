package id.kriyanusa.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Images made on the spot for the media tests: photos with GPS tags, PNGs that claim
 * absurd sizes...
 */
final class TestImages {

    /** Kampung Sade, Lombok: where the GPS tags of the test photos point. */
    static final double LATITUDE = -8.8394;
    static final double LONGITUDE = 116.2925;

    private TestImages() {
    }

    static BufferedImage picture(int width, int height, boolean alpha) {
        var image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(150, 75, 0, alpha ? 128 : 255), width, height,
                new Color(20, 120, 60)));
        g.fillRect(0, 0, width, height);
        // a mark in the top-left corner, to see which way up the picture ends
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 10), Math.max(1, height / 10));
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height, false), "jpeg", out);
        return out.toByteArray();
    }

    /**
     * The test picture with 64 random bits drawn along its bottom row: bytes, and so
     * keys, no other test has.
     */
    static byte[] uniqueJpeg(int width, int height) throws IOException {
        var image = picture(width, height, false);
        var bits = java.util.concurrent.ThreadLocalRandom.current().nextLong();
        var g = image.createGraphics();
        for (int i = 0; i < 64; i++) {
            g.setColor((bits >>> i & 1) == 1 ? Color.WHITE : Color.BLACK);
            g.fillRect(i * 8 % width, height - 8, 8, 8);
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height, true), "png", out);
        return out.toByteArray();
    }

    /**
     * A camera-like JPEG: EXIF with GPS position and an orientation tag (6: turn 90
     * degrees clockwise to show).
     */
    static byte[] jpegWithGps(int width, int height, int orientation) throws Exception {
        var set = new TiffOutputSet();
        set.setGpsInDegrees(LONGITUDE, LATITUDE);
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        var out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, set);
        var bytes = out.toByteArray();
        if (!hasGps(bytes)) {
            throw new IllegalStateException("test photo has no GPS tags");
        }
        return bytes;
    }

    /** Whether the image carries EXIF GPS tags, as any photo tool would read them. */
    static boolean hasGps(byte[] bytes) throws IOException {
        return Imaging.getMetadata(bytes) instanceof JpegImageMetadata jpeg && jpeg.getExif() != null
                && jpeg.getExif().getGpsInfo() != null;
    }

    /** Whether the bytes contain an EXIF header at all. */
    static boolean hasExif(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains("Exif\0\0");
    }

    /**
     * A PNG that declares width x height pixels but holds a few bytes of data: decoding
     * it would need gigabytes, reading its header a few microseconds.
     */
    static byte[] pngBomb(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        var data = new DataOutputStream(out);
        data.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new ByteArrayOutputStream();
        var h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] { 8, 2, 0, 0, 0 });
        chunk(data, "IHDR", header.toByteArray());
        var deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        var compressed = new byte[8192];
        var length = deflater.deflate(compressed);
        chunk(data, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(data, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        out.writeInt(body.length);
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(body);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }

    /**
     * A valid JPEG followed by an HTML page: what a browser sniffing content might run.
     */
    static byte[] htmlPolyglot() throws IOException {
        var image = jpeg(64, 64);
        var html = "<html><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream();
        out.write(image);
        out.write(html);
        return out.toByteArray();
    }

    /**
     * The test picture as a print workflow saves it: a CMYK JPEG with Adobe's marker,
     * either plain CMYK (transform 0) or YCCK (transform 2, what Photoshop writes by
     * default), with no colour profile.
     */
    static byte[] cmykJpeg(int width, int height, boolean ycck) throws IOException {
        var rgb = picture(width, height, false);
        var space = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        var model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        var cmyk = new BufferedImage(model, model.createCompatibleWritableRaster(width, height), false, null);
        var pixel = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = rgb.getRGB(x, y);
                int r = p >> 16 & 0xFF, g = p >> 8 & 0xFF, b = p & 0xFF;
                int k = 255 - Math.max(r, Math.max(g, b));
                int remaining = Math.max(1, 255 - k);
                int c = (255 - r - k) * 255 / remaining, m = (255 - g - k) * 255 / remaining,
                        ye = (255 - b - k) * 255 / remaining;
                if (ycck) {
                    // the writer stores the components as given: YCCK is Y, Cb, Cr of the
                    // inverted C, M, Y, then K
                    int cr = 255 - c, cg = 255 - m, cb = 255 - ye;
                    pixel[0] = Math.clamp(Math.round(0.299 * cr + 0.587 * cg + 0.114 * cb), 0, 255);
                    pixel[1] = Math.clamp(Math.round(128 - 0.168736 * cr - 0.331264 * cg + 0.5 * cb), 0, 255);
                    pixel[2] = Math.clamp(Math.round(128 + 0.5 * cr - 0.418688 * cg - 0.081312 * cb), 0, 255);
                }
                else {
                    pixel[0] = c;
                    pixel[1] = m;
                    pixel[2] = ye;
                }
                pixel[3] = k;
                cmyk.getRaster().setPixel(x, y, pixel);
            }
        }
        // the JDK's own writer writes the Adobe marker's transform as given
        // (TwelveMonkeys' would rewrite it)
        var writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = null;
        while (writers.hasNext()) {
            var candidate = writers.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        var metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(cmyk), null);
        var tree = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        ((IIOMetadataNode) tree.getElementsByTagName("app14Adobe").item(0)).setAttribute("transform", ycck ? "2" : "0");
        metadata.setFromTree("javax_imageio_jpeg_image_1.0", tree);
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(cmyk, null, metadata), null);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A JPEG whose header declares width x height pixels, followed by almost no data (a
     * baseline JPEG's frame header with the sizes patched): decoding it would allocate
     * width x height x 3 bytes.
     */
    static byte[] jpegBomb(int width, int height) throws IOException {
        var bytes = jpeg(16, 16);
        for (int i = 2; i + 8 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF && (bytes[i + 1] & 0xFF) == 0xC0) {
                bytes[i + 5] = (byte) (height >> 8);
                bytes[i + 6] = (byte) height;
                bytes[i + 7] = (byte) (width >> 8);
                bytes[i + 8] = (byte) width;
                return bytes;
            }
        }
        throw new IllegalStateException("no baseline frame header");
    }

    static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    }

}
