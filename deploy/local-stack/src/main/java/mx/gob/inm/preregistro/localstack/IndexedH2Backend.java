package mx.gob.inm.preregistro.localstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with indexes that answer the queries the services make. The stock backend keeps
 * its unique indexes in H2 maps whose keys are compared by Java-serialising them, uses an index only when a query
 * names exactly the index's fields (so {@code {_id: x, accountId: y}} read every document of the collection), and
 * ignores non-unique indexes (every query by {@code accountId} read the whole collection too). Here every index is
 * held in memory, rebuilt from the documents when the server starts (the documents stay in the H2 file), and used
 * whenever a query constrains its field to a value, whatever else the query asks: {@link InMemoryUniqueIndex} and
 * {@link InMemoryValueIndex}.
 */
final class IndexedH2Backend extends H2Backend {

    /** Megabytes of the H2 file's pages kept in memory, read (the stock 16 MB re-read pages throughout a benchmark). */
    private static final int PAGE_CACHE_MB = 128;
    /** Bytes of a page of documents: each change of a document rewrites its page at the next commit (stock: 48 KB). */
    private static final int PAGE_SIZE = 16 * 1024;

    /** How a collection created now is stored: {@link #BSON_AND_IDS}, or {@link #BSON} to write a file as before. */
    private final String newCollections;

    IndexedH2Backend(String fileName) {
        this(fileName, BSON_AND_IDS);
    }

    IndexedH2Backend(String fileName, String newCollections) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(PAGE_CACHE_MB).pageSplitSize(PAGE_SIZE).open());
        this.newCollections = newCollections;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * The stock backend's names of a collection's maps in the H2 file, and the marks of a collection stored as BSON
     * with H2's generic keys, and as BSON with {@link DocumentIdType} keys (every collection created now).
     */
    private static final String DATA_MAP = "databases.";
    private static final String META_MAP = "meta.";
    private static final String FORMAT = "documentFormat";
    static final String BSON = "bson";
    static final String BSON_AND_IDS = "bson+ids";

    /** Not static: the stock database opens its collections in its constructor, and they need {@link #getMvStore}. */
    private final class IndexedH2Database extends H2Database {

        IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            boolean created = !store.hasMap(DATA_MAP + namespace);
            MVMap<String, Object> meta = store.openMap(META_MAP + namespace);
            Object format = created ? newCollections : meta.get(FORMAT);
            MVMap<Object, Document> documents;
            if (BSON_AND_IDS.equals(format)) {
                documents = store.openMap(DATA_MAP + namespace, new MVMap.Builder<Object, Document>()
                        .keyType(DocumentIdType.INSTANCE).valueType(BsonDocumentType.INSTANCE));
                meta.put(FORMAT, BSON_AND_IDS);
            } else if (BSON.equals(format)) {
                documents = store.openMap(DATA_MAP + namespace,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
                meta.put(FORMAT, BSON);
            } else {
                documents = store.openMap(DATA_MAP + namespace);   // written by the stock backend
            }
            return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return new InMemoryUniqueIndex<>(indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new InMemoryValueIndex<>(indexName, keys, sparse);
        }
    }
}
