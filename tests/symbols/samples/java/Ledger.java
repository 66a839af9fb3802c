// Ledger storage: a realistic sample for the Java definitions query.
package com.example.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An append-only ledger over a store. */
public class Ledger<T extends Comparable<T>> implements Iterable<T> {
    public static final int MAX_ENTRIES = 1000;
    private final Store store;
    private List<Entry<T>> entries = new ArrayList<>(), tail;

    public interface Store {
        int VERSION = 2;
        byte[] get(String key);
        void put(String key, byte[] value, String... tags);
        default void flush() {}
    }

    public record Entry<V>(String key, V value) {
        public Entry {
            // keys are never blank
            if (key.isBlank()) throw new IllegalArgumentException();
        }
    }

    public enum Level {
        DEBUG(10), INFO(20);

        private final int weight;

        Level(int weight) { this.weight = weight; }

        public int weight() { return weight; }
    }

    public Ledger(Store store) {
        this.store = store;
    }

    public int append(Entry<T> entry) {
        entries.add(entry); /* never reordered */
        return entries.size();
    }

    public Optional<Entry<T>> find(String key) {
        return find(key, null);
    }

    public Optional<Entry<T>> find(String key, Entry<T> fallback) {
        for (Entry<T> e : entries) {
            if (e.key().equals(key)) return Optional.of(e);
        }
        return Optional.ofNullable(fallback);
    }

    @Override
    public java.util.Iterator<T> iterator() {
        return entries.stream().map(Entry::value).iterator();
    }

    static <U extends Comparable<U>> Ledger<U> empty(Store store) {
        return new Ledger<>(store);
    }

    private static class Cursor {
        int position;

        int advance(int step) { return position += step; }
    }
}

@interface Audited {
    String reason() default "";
}
