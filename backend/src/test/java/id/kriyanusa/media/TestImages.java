package id.kriyanusa.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Images made on the spot for the media tests: photos with GPS tags, PNGs that claim absurd sizes... */
final class TestImages {

    /** Kampung Sade, Lombok: where the GPS tags of the test photos point. */
    static final double LATITUDE = -8.8394;
    static final double LONGITUDE = 116.2925;

    private TestImages() {
    }

    static BufferedImage picture(int width, int height, boolean alpha) {
        var image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(150, 75, 0, alpha ? 128 : 255), width, height, new Color(20, 120, 60)));
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

    static byte[] png(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(picture(width, height, true), "png", out);
        return out.toByteArray();
    }

    /** A camera-like JPEG: EXIF with GPS position and an orientation tag (6: turn 90 degrees clockwise to show). */
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
        return Imaging.getMetadata(bytes) instanceof JpegImageMetadata jpeg && jpeg.getExif() != null && jpeg.getExif().getGpsInfo() != null;
    }

    /** Whether the bytes contain an EXIF header at all. */
    static boolean hasExif(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains("Exif\0\0");
    }

    /**
     * A PNG that declares width x height pixels but holds a few bytes of data: decoding it would need gigabytes,
     * reading its header a few microseconds.
     */
    static byte[] pngBomb(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        var data = new DataOutputStream(out);
        data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        var header = new ByteArrayOutputStream();
        var h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0});
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

    /** A valid JPEG followed by an HTML page: what a browser sniffing content might run. */
    static byte[] htmlPolyglot() throws IOException {
        var image = jpeg(64, 64);
        var html = "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream();
        out.write(image);
        out.write(html);
        return out.toByteArray();
    }

    static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    }
}
