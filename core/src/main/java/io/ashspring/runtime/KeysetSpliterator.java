package io.ashspring.runtime;

import java.util.Collections;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.function.Consumer;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

import io.ashspring.query.Query;

/**
 * The records of a query, read one keyset window at a time as the stream is consumed: at most one
 * window is held, and no connection or cursor stays open between windows. Closing the stream stops
 * further reads. The query's limit, if any, caps the total.
 *
 * @param <T> the record type
 */
final class KeysetSpliterator<T> implements Spliterator<T> {

    private final ResourceService<T> service;
    private final Query query;
    private final int batchSize;
    private Long remaining;
    private Iterator<T> current = Collections.emptyIterator();
    private ScrollPosition next = ScrollPosition.keyset();
    private boolean exhausted;
    private volatile boolean closed;

    KeysetSpliterator(ResourceService<T> service, Query query, int batchSize) {
        this.service = service;
        this.remaining = query.limit() == null ? null : (long) query.limit();
        this.query = query;
        this.batchSize = batchSize;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        while (!current.hasNext()) {
            if (exhausted || closed) {
                return false;
            }
            fetch();
        }
        action.accept(current.next());
        if (remaining != null) {
            remaining--;
        }
        return true;
    }

    private void fetch() {
        int size = remaining == null ? batchSize : (int) Math.min(batchSize, remaining);
        if (size == 0) {
            exhausted = true;
            return;
        }
        Window<T> window = service.scroll(query.limit(size), next);
        current = window.iterator();
        if (window.isEmpty() || !window.hasNext()) {
            exhausted = true;
        } else {
            next = window.positionAt(window.size() - 1);
        }
    }

    /** Stops reading; the window in hand is dropped. */
    void close() {
        closed = true;
        current = Collections.emptyIterator();
    }

    @Override
    public Spliterator<T> trySplit() {
        return null; // windows follow each other: no parallel split
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return ORDERED | NONNULL;
    }
}
