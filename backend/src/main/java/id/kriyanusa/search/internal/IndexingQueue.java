package id.kriyanusa.search.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Gathers what the changes ask to index into bulk requests, one under way at a time per
 * index: the ids asked for while a request is under way go together in the next, up to
 * {@link #BULK} documents. A quiet portal writes each change at once; a busy one writes
 * bigger, fewer requests. When 8 clients loaded 10,000 products, each change sent its own
 * request and the listeners took every pooled connection, waiting 10 s for one and
 * failing (issue 17); now an index holds one connection at most.
 * <p>
 * While changes keep coming, requests are also spaced {@link #PACE} apart: a change asked
 * right after a request waits out the rest of that time, gathering what arrives
 * meanwhile. Elasticsearch then gets a few bigger requests a second instead of one per
 * change back to back, which leaves the two cores' time to buyers' searches; a change
 * after a quiet moment is still written at once.
 * <p>
 * The queue is bounded: when Elasticsearch is slower than the writes, callers wait to
 * enqueue (back-pressure; they are the indexing listeners, on virtual threads) instead of
 * timing out. A caller returns once its ids are written and throws when their request
 * failed, so its event publication stays incomplete and is resubmitted.
 */
final class IndexingQueue implements AutoCloseable {

    /** Documents in one bulk request, at most. */
    static final int BULK = 500;

    /** Time between the starts of two requests, at least, unless the first was full. */
    static final Duration PACE = Duration.ofMillis(200);

    /** Requests to index waiting, at most: beyond, callers wait. */
    private static final int WAITING = 2_000;

    private record Asked(List<Long> ids, CompletableFuture<Void> written) {
    }

    private final BlockingQueue<Asked> asked = new LinkedBlockingQueue<>(WAITING);

    private final Consumer<List<Long>> write;

    private final Thread writer;

    private volatile boolean closed;

    IndexingQueue(String index, Consumer<List<Long>> write) {
        this.write = write;
        this.writer = Thread.ofVirtual().name("search-writer-" + index).start(this::writeWhileOpen);
    }

    /** Indexes these ids with what others asked meanwhile; returns once written. */
    void index(Collection<Long> ids) {
        var all = List.copyOf(ids);
        var waits = new ArrayList<CompletableFuture<Void>>();
        for (int from = 0; from < all.size(); from += BULK) {
            var part = new Asked(all.subList(from, Math.min(all.size(), from + BULK)), new CompletableFuture<>());
            enqueue(part);
            waits.add(part.written());
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private void enqueue(Asked part) {
        if (closed) {
            throw new IllegalStateException("Search indexing has stopped");
        }
        try {
            asked.put(part);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to index", e);
        }
    }

    private void writeWhileOpen() {
        long lastStarted = System.nanoTime() - PACE.toNanos();
        int lastCount = 0;
        try {
            while (true) {
                var together = new ArrayList<Asked>();
                together.add(asked.take());
                long rest = lastStarted + PACE.toNanos() - System.nanoTime();
                if (rest > 0 && lastCount < BULK) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
                int count = together.getFirst().ids().size();
                // the only reader: what it peeks, it polls
                for (var next = asked.peek(); next != null && count + next.ids().size() <= BULK; next = asked.peek()) {
                    together.add(asked.poll());
                    count += next.ids().size();
                }
                lastStarted = System.nanoTime();
                lastCount = count;
                writeTogether(together);
            }
        }
        catch (InterruptedException closing) {
            // close() fails what is left
        }
    }

    private void writeTogether(List<Asked> together) {
        try {
            write.accept(together.stream().flatMap(part -> part.ids().stream()).distinct().toList());
            together.forEach(part -> part.written().complete(null));
        }
        catch (RuntimeException e) {
            together.forEach(part -> part.written().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        var left = new ArrayList<Asked>();
        asked.drainTo(left);
        var stopped = new IllegalStateException("Search indexing stopped before this was written");
        left.forEach(part -> part.written().completeExceptionally(stopped));
    }

}
