package io.shequ.jobs.stage.table;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the sheets of a list of files ahead of the one staging works on, on as many threads as
 * the machine has cores, and hands them over in the list's order. Reading and parsing the bytes
 * (Apache POI, the CSV decoder) is the part of staging a file that needs nothing from the files
 * before it; locating the tables and everything after stays in order, on the caller's thread. At
 * most two files per thread are read ahead, so memory holds a few files' cells, not a city's.
 */
final class SheetPrefetch implements AutoCloseable {

    private final ExecutorService pool;
    private final Iterator<Path> files;
    private final Deque<Future<List<Sheet>>> ahead = new ArrayDeque<>();
    private final int lookahead;

    SheetPrefetch(List<Path> files, int threads) {
        int n = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(n, task -> {
            Thread thread = new Thread(task, "shequ-sheet-reader");
            thread.setDaemon(true);
            return thread;
        });
        this.files = files.iterator();
        this.lookahead = 2 * n;
        fill();
    }

    /** A reader with a thread per core of this machine. */
    static SheetPrefetch of(List<Path> files) {
        return new SheetPrefetch(files, Runtime.getRuntime().availableProcessors());
    }

    /**
     * The sheets of the next file of the list, as {@link TableFileReader#read} returns them.
     *
     * @throws IOException as {@link TableFileReader#read} throws it for that file
     * @throws java.util.NoSuchElementException when every file was handed over
     */
    List<Sheet> next() throws IOException {
        Future<List<Sheet>> next = ahead.removeFirst();
        fill();
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a file ahead");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void fill() {
        while (ahead.size() < lookahead && files.hasNext()) {
            Path file = files.next();
            ahead.addLast(pool.submit(() -> {
                try {
                    return TableFileReader.read(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
