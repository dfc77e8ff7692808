package mx.gob.inm.preregistro.localstack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * What a query asks of one indexed field, when an index can answer it: one value ({@code {f: v}}), one of some
 * values ({@code {f: {$in: [...]}}}) or any value ({@code {f: {$exists: true}}}). Values are compared the way the
 * index stores them ({@link KeyValue#normalized()}). Anything else (ranges, regular expressions, null, whole arrays
 * or embedded documents) is not answered here; the query then reads the collection. The index only narrows the
 * documents read: the whole query is still matched against each of them.
 */
record IndexedQuery(List<KeyValue> values, boolean anyValue) {

    static Optional<IndexedQuery> of(Document query, String field) {
        if (!query.containsKey(field)) {
            return Optional.empty();
        }
        Object condition = query.get(field);
        if (isPlain(condition)) {
            return Optional.of(new IndexedQuery(List.of(key(condition)), false));
        }
        if (condition instanceof Document operators && operators.size() == 1) {
            Map.Entry<String, Object> operator = operators.entrySet().iterator().next();
            if (operator.getKey().equals("$in") && operator.getValue() instanceof Collection<?> candidates
                    && candidates.stream().allMatch(IndexedQuery::isPlain)) {
                return Optional.of(new IndexedQuery(candidates.stream().map(IndexedQuery::key).toList(), false));
            }
            if (operator.getKey().equals("$exists") && Boolean.TRUE.equals(operator.getValue())) {
                return Optional.of(new IndexedQuery(List.of(), true));
            }
        }
        return Optional.empty();
    }

    /**
     * The one key a query asks of a compound index when it gives each of the index's fields a value (a unique index
     * then holds at most one document for it), whatever else it asks.
     */
    static Optional<KeyValue> exactKey(Document query, List<String> fields) {
        List<Object> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            Object condition = query.get(field);
            if (!isPlain(condition)) {
                return Optional.empty();
            }
            values.add(condition);
        }
        return Optional.of(new KeyValue(values).normalized());
    }

    /** A value the index compares by equality: a string, number, boolean, id or date; not null, not a structure. */
    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
                && !(value instanceof Map<?, ?>) && !(value instanceof BsonRegularExpression)
                && !(value instanceof Pattern);
    }

    static KeyValue key(Object value) {
        return new KeyValue(Collections.singletonList(value)).normalized();
    }
}
