package mx.gob.inm.preregistro.localstack;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index (mongo-java-server ignores them): for each value of the field, the documents that hold it,
 * including each element of an array (multikey). A single-field index answers a query that constrains its field to a
 * value or to one of some values, and a sparse one also {@code {$exists: true}} (the documents that have the field at
 * all). A compound index answers a query that gives each of its fields a value, whatever else the query asks.
 */
final class InMemoryValueIndex<P> extends Index<P> {

    /** A document in the index: where it is, and the values it was filed under (to remove it by). */
    private record Filed<P>(P position, Set<KeyValue> values) {
    }

    private final Map<KeyValue, Map<KeyValue, P>> documentsByValue = new ConcurrentHashMap<>();
    private final Map<KeyValue, Filed<P>> filedById = new ConcurrentHashMap<>();

    InMemoryValueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public boolean canHandle(Document query) {
        if (keys().size() > 1) {
            return IndexedQuery.exactKey(query, keys()).isPresent();
        }
        return IndexedQuery.of(query, keys().get(0)).filter(asked -> !asked.anyValue() || isSparse()).isPresent();
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (keys().size() > 1) {
            KeyValue key = IndexedQuery.exactKey(query, keys()).orElseThrow();
            return new LinkedHashSet<>(documentsByValue.getOrDefault(key, Map.of()).values());
        }
        IndexedQuery asked = IndexedQuery.of(query, keys().get(0)).orElseThrow();
        Set<P> found = new LinkedHashSet<>();
        if (asked.anyValue()) {
            filedById.values().forEach(filed -> found.add(filed.position()));
        } else {
            for (KeyValue value : asked.values()) {
                found.addAll(documentsByValue.getOrDefault(value, Map.of()).values());
            }
        }
        return found;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Set<KeyValue> values = valuesOf(document);
        if (values != null) {
            file(idOf(document), position, values);
        }
    }

    /** The values the document is filed under; null when a sparse index leaves it out (it lacks the field). */
    private Set<KeyValue> valuesOf(Document document) {
        return isSparse() && keys().stream().noneMatch(key -> holds(document, key)) ? null : getKeyValues(document);
    }

    private void file(KeyValue id, P position, Set<KeyValue> values) {
        filedById.put(id, new Filed<>(position, values));
        for (KeyValue value : values) {
            documentsByValue.computeIfAbsent(value, any -> new ConcurrentHashMap<>()).put(id, position);
        }
    }

    private static KeyValue idOf(Document document) {
        return IndexedQuery.key(document.get("_id"));
    }

    @Override
    public synchronized P remove(Document document) {
        KeyValue id = idOf(document);
        Filed<P> filed = filedById.remove(id);
        if (filed == null) {
            return null;
        }
        for (KeyValue value : filed.values()) {
            documentsByValue.computeIfPresent(value, (key, documents) -> {
                documents.remove(id);
                return documents.isEmpty() ? null : documents;
            });
        }
        return filed.position();
    }

    /** Refiles the document only when its values changed, compared with those it is filed under. */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        Set<KeyValue> values = valuesOf(newDocument);
        Filed<P> filed = filedById.get(idOf(newDocument));
        if (filed != null && filed.values().equals(values)) {
            return;
        }
        remove(oldDocument);
        if (values != null) {
            file(idOf(newDocument), position, values);
        }
    }

    @Override
    public P getPosition(Document document) {
        Filed<P> filed = filedById.get(idOf(document));
        return filed == null ? null : filed.position();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any change is allowed
    }

    @Override
    public long getCount() {
        return filedById.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public synchronized void drop() {
        documentsByValue.clear();
        filedById.clear();
    }

    /**
     * Whether the document has the dotted field at all, null included, looking into the elements of arrays on the
     * way: what {@code {$exists: true}} matches, and so what a sparse index holds.
     */
    static boolean holds(Object value, String path) {
        if (value instanceof List<?> elements) {
            return elements.stream().anyMatch(element -> holds(element, path));
        }
        if (!(value instanceof Document document)) {
            return false;
        }
        int dot = path.indexOf('.');
        String field = dot < 0 ? path : path.substring(0, dot);
        if (!document.containsKey(field)) {
            return false;
        }
        return dot < 0 || holds(document.get(field), path.substring(dot + 1));
    }
}
