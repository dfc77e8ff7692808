package mx.gob.inm.preregistro.localstack;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index (the {@code _id} of every collection, and each index created {@code unique}) held in a hash map.
 * Unlike mongo-java-server's own, a single-field index answers a query that constrains its field and others
 * besides ({@code {_id: x, version: 3}}), and a compound one a query that gives each of its fields a value: it finds
 * the one document, which is then matched against the rest. A compound index also answers, as MongoDB's does, a
 * query that constrains only its first field: GridFS reads and deletes a file's chunks by {@code files_id} alone,
 * under the driver's index {@code {files_id: 1, n: 1}}, and read every chunk of the collection to do it.
 * Uniqueness is checked as before ({@link AbstractUniqueIndex}).
 */
final class InMemoryUniqueIndex<P> extends AbstractUniqueIndex<P> {

    private final Map<KeyValue, P> positions = new ConcurrentHashMap<>();
    /** For a compound index: the keys filed under each value of its first field. */
    private final Map<KeyValue, Set<KeyValue>> keysByFirstValue = new ConcurrentHashMap<>();

    InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public boolean canHandle(Document query) {
        if (keys().size() > 1) {
            return IndexedQuery.exactKey(query, keys()).isPresent() || byFirstField(query).isPresent()
                    || super.canHandle(query);
        }
        return IndexedQuery.of(query, keys().get(0)).filter(asked -> !asked.anyValue()).isPresent();
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (keys().size() > 1) {
            Optional<KeyValue> exact = IndexedQuery.exactKey(query, keys());
            if (exact.isPresent()) {
                return Optional.ofNullable(positions.get(exact.get())).stream().toList();
            }
            Optional<IndexedQuery> first = byFirstField(query);
            if (first.isPresent()) {
                return first.get().values().stream()
                        .flatMap(value -> keysByFirstValue.getOrDefault(value, Set.of()).stream())
                        .map(positions::get).filter(Objects::nonNull).distinct().toList();
            }
            return super.getPositions(query);
        }
        IndexedQuery asked = IndexedQuery.of(query, keys().get(0)).orElseThrow();
        return asked.values().stream().map(positions::get).filter(Objects::nonNull).distinct().toList();
    }

    /** What a query asks of a compound index's first field, when it asks one value or some. */
    private Optional<IndexedQuery> byFirstField(Document query) {
        return IndexedQuery.of(query, keys().get(0)).filter(asked -> !asked.anyValue());
    }

    @Override
    protected P removeDocument(KeyValue key) {
        P removed = positions.remove(key);
        if (removed != null && keys().size() > 1) {
            keysByFirstValue.computeIfPresent(firstValue(key), (value, filed) -> {
                filed.remove(key);
                return filed.isEmpty() ? null : filed;
            });
        }
        return removed;
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, P position) {
        boolean added = positions.putIfAbsent(key, position) == null;
        if (added && keys().size() > 1) {
            keysByFirstValue.computeIfAbsent(firstValue(key), value -> ConcurrentHashMap.newKeySet()).add(key);
        }
        return added;
    }

    private static KeyValue firstValue(KeyValue key) {
        return IndexedQuery.key(key.get(0));
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, P>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected P getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
