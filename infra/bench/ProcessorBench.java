import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import id.kriyanusa.media.internal.ImageProcessor;
import id.kriyanusa.media.internal.MediaProperties;
import org.springframework.util.unit.DataSize;

/**
 * Verifies and re-encodes a 12-megapixel JPEG with the application's own ImageProcessor (the CPU- and memory-heavy
 * part of confirmImageUpload), in a JVM of its own, and reports the time per image and the peak heap use.
 * Run through run-processor-bench.sh.
 */
public class ProcessorBench {

    public static void main(String[] args) throws Exception {
        var runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        var warmUp = args.length > 1 && args[1].equals("warm-up");
        var properties = new MediaProperties(DataSize.ofMegabytes(15), 50_000_000L, Duration.ofMinutes(10),
                List.of(160, 480, 960, 1600), 0.82f, 0.80f, true, DataSize.ofMegabytes(64), "", 20_000, 10, 0,
                Duration.ofSeconds(15), Duration.ofHours(24));
        var processor = new ImageProcessor(properties);
        var photos = new byte[3][];
        for (int i = 0; i < photos.length; i++) {
            photos[i] = BenchImages.photo(4000, 3000, i);
        }
        System.out.printf("input: 4000 x 3000 JPEG, %.1f MB; WebP renditions: %s; max heap %d MB%n",
                photos[0].length / 1e6, processor.writesWebp(), Runtime.getRuntime().maxMemory() >> 20);
        if (warmUp) {
            // what the portal does in the background at start-up
            var started = System.nanoTime();
            processor.warmUp();
            System.out.printf("start-up warm-up (made-up photos): %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }
        var first = System.nanoTime();
        processor.process(photos[0], ImageProcessor.SourceFormat.JPEG);
        System.out.printf("first 12-MP photo in this JVM (%s): %d ms%n", warmUp ? "after the start-up warm-up" : "cold",
                (System.nanoTime() - first) / 1_000_000);
        // warm up the JIT on the same path
        processor.process(photos[1], ImageProcessor.SourceFormat.JPEG);

        var heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        var times = new long[runs];
        long peak = 0;
        long baseline = 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            baseline = used(heap);
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            var started = System.nanoTime();
            var processed = processor.process(photos[i % photos.length], ImageProcessor.SourceFormat.JPEG);
            times[i] = (System.nanoTime() - started) / 1_000_000;
            peak = Math.max(peak, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            if (i == 0) {
                processed.renditions().forEach(r -> System.out.printf("  %s %4d x %4d %7d bytes%n", r.format(), r.width(), r.height(),
                        r.bytes().length));
            }
        }
        Arrays.sort(times);
        System.out.printf("process (verify + decode + orient + 4 sizes x JPEG/WebP): min %d ms, median %d ms, max %d ms over %d runs%n",
                times[0], times[runs / 2], times[runs - 1], runs);
        System.out.printf("heap: %d MB in use before each run (3 input photos, JIT-warm JVM); sum of the heap pools' peaks during the runs (an upper bound) %d MB%n",
                baseline >> 20, peak >> 20);
    }

    private static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
