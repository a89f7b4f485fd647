package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * Changes that arrive while a bulk request is under way are written together in the next,
 * and a failed request fails exactly the changes it held.
 */
class IndexingQueueTest {

    @Test
    void changesArrivingDuringAWriteGoTogetherInTheNext() throws Exception {
        var writes = Collections.synchronizedList(new ArrayList<List<Long>>());
        var firstUnderWay = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var queue = new IndexingQueue("test", ids -> {
            writes.add(ids);
            firstUnderWay.countDown();
            await(release);
        }); var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = callers.submit(() -> queue.index(List.of(1L)));
            assertThat(firstUnderWay.await(5, TimeUnit.SECONDS)).isTrue();
            var others = new ArrayList<Future<?>>();
            for (long id = 2; id <= 50; id++) {
                var asked = id;
                others.add(callers.submit(() -> queue.index(List.of(asked))));
            }
            Thread.sleep(200); // let the 49 callers enqueue behind the write under way
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (var other : others) {
                other.get(5, TimeUnit.SECONDS);
            }
        }
        assertThat(writes).hasSize(2);
        assertThat(writes.get(1)).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 50).boxed().toList());
    }

    @Test
    void whileChangesKeepComingRequestsAreSpacedAndGatherThem() throws Exception {
        var starts = Collections.synchronizedList(new ArrayList<Long>());
        try (var queue = new IndexingQueue("test", ids -> starts.add(System.nanoTime()));
                var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var asked = new ArrayList<Future<?>>();
            for (long id = 0; id < 100; id++) {
                var one = id;
                asked.add(callers.submit(() -> queue.index(List.of(one))));
                Thread.sleep(5);
            }
            for (var change : asked) {
                change.get(5, TimeUnit.SECONDS);
            }
        }
        // changes 5 ms apart: gathered into fewer requests, not one each
        assertThat(starts).hasSizeLessThan(100);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).isGreaterThanOrEqualTo(IndexingQueue.PACE.toNanos());
        }
    }

    @Test
    void aFailedWriteFailsItsCallersAndNotTheNext() {
        try (var queue = new IndexingQueue("test", ids -> {
            if (ids.contains(13L)) {
                throw new IllegalStateException("node down");
            }
        })) {
            assertThatThrownBy(() -> queue.index(List.of(13L))).hasMessage("node down");
            queue.index(List.of(14L));
        }
    }

    @Test
    void manyIdsAreSplitIntoBulkRequestsOfAtMostTheLimit() {
        var sizes = Collections.synchronizedList(new ArrayList<Integer>());
        try (var queue = new IndexingQueue("test", ids -> sizes.add(ids.size()))) {
            queue.index(LongStream.range(0, 1_200).boxed().toList());
        }
        assertThat(sizes).allMatch(size -> size <= IndexingQueue.BULK);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_200);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
