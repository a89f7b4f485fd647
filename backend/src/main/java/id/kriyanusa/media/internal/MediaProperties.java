package id.kriyanusa.media.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and choices of the media pipeline.
 *
 * @param maxUploadSize largest original accepted (a 24-megapixel phone JPEG is 8-12 MB)
 * @param maxPixels largest width x height accepted, read from the header before any pixel
 * is decoded: decoding needs 3-4 bytes per pixel, so this bounds the heap one upload can
 * take
 * @param uploadExpiry how long a presigned upload form and its pending upload stay valid
 * @param widths rendition widths; none is wider than the original (never upscaled)
 * @param jpegQuality JPEG rendition quality, 0-1
 * @param webpQuality WebP rendition quality, 0-1
 * @param webp whether WebP renditions are written besides JPEG (needs the libwebp JNI
 * library)
 * @param cacheSize memory kept for recently served small renditions
 * @param publicBaseUrl prefix of rendition URLs; empty gives root-relative URLs
 * (`/media/...`)
 * @param maxSide longest side accepted, in pixels
 * @param maxAspectRatio how many times longer than the other one a side may be: a strip
 * of 500 x 60,000 pixels is within the pixel limit but no photo, and would make
 * renditions no encoder takes
 * @param concurrentDecodes how many images are decoded at once; 0 sizes it to the heap
 * (one per 256 MB, at least one)
 * @param decodeWait how long an upload waits for its turn before it is asked to try again
 * @param unreferencedGracePeriod how long an image stays after nothing refers to it any
 * more (a deleted product's, a replaced logo), and how old an object nothing records must
 * be, before the collector removes them
 */
@ConfigurationProperties("kriyanusa.media")
public record MediaProperties(@DefaultValue("15MB") DataSize maxUploadSize, @DefaultValue("50000000") long maxPixels,
        @DefaultValue("10m") Duration uploadExpiry, @DefaultValue( {
                "160", "480", "960", "1600" }) List<Integer> widths,
        @DefaultValue("0.82") float jpegQuality, @DefaultValue("0.80") float webpQuality,
        @DefaultValue("true") boolean webp, @DefaultValue("64MB") DataSize cacheSize,
        @DefaultValue("") String publicBaseUrl, @DefaultValue("20000") int maxSide,
        @DefaultValue("10") int maxAspectRatio, @DefaultValue("0") int concurrentDecodes,
        @DefaultValue("15s") Duration decodeWait, @DefaultValue("24h") Duration unreferencedGracePeriod){
}
