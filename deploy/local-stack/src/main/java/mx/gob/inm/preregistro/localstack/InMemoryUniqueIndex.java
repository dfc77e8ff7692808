package mx.gob.inm.preregistro.localstack;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index (the {@code _id} of every collection, and each index created {@code unique}) held in a hash map.
 * Unlike mongo-java-server's own, a single-field index answers a query that constrains its field and others
 * besides ({@code {_id: x, version: 3}}), and a compound one a query that gives each of its fields a value: it finds
 * the one document, which is then matched against the rest.
 * Uniqueness is checked as before ({@link AbstractUniqueIndex}).
 */
final class InMemoryUniqueIndex<P> extends AbstractUniqueIndex<P> {

    private final Map<KeyValue, P> positions = new ConcurrentHashMap<>();

    InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public boolean canHandle(Document query) {
        if (keys().size() > 1) {
            return IndexedQuery.exactKey(query, keys()).isPresent() || super.canHandle(query);
        }
        return IndexedQuery.of(query, keys().get(0)).filter(asked -> !asked.anyValue()).isPresent();
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (keys().size() > 1) {
            Optional<KeyValue> exact = IndexedQuery.exactKey(query, keys());
            return exact.isPresent() ? Optional.ofNullable(positions.get(exact.get())).stream().toList()
                    : super.getPositions(query);
        }
        IndexedQuery asked = IndexedQuery.of(query, keys().get(0)).orElseThrow();
        return asked.values().stream().map(positions::get).filter(Objects::nonNull).distinct().toList();
    }

    @Override
    protected P removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, P position) {
        return positions.putIfAbsent(key, position) == null;
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
