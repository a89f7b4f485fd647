import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** A photo-like 12-megapixel JPEG (4000 x 3000, gradient plus sensor-like noise, quality 0.92: 3-6 MB). */
final class BenchImages {

    private BenchImages() {
    }

    static byte[] photo(int width, int height, long seed) throws Exception {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(150, 75, 20), width, height, new Color(30, 110, 70)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var random = new Random(seed);
        var row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                var noise = random.nextInt(33) - 16;
                var rgb = row[x];
                var r = clamp(((rgb >> 16) & 0xFF) + noise);
                var gr = clamp(((rgb >> 8) & 0xFF) + noise);
                var b = clamp((rgb & 0xFF) + noise);
                row[x] = r << 16 | gr << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
