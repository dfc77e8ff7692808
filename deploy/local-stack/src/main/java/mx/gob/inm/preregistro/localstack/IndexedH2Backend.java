package mx.gob.inm.preregistro.localstack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
import io.netty.channel.Channel;
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
 *
 * <p>Every change of a document is in the {@link Journal} before the command that made it is answered.
 */
final class IndexedH2Backend extends H2Backend {

    /** Megabytes of the H2 file's pages kept in memory, read (the stock 16 MB re-read pages throughout a benchmark). */
    private static final int PAGE_CACHE_MB = 128;
    /** Bytes of a page of documents: each change of a document rewrites its page at the next commit (stock: 48 KB). */
    private static final int PAGE_SIZE = 16 * 1024;

    /**
     * Commands that change which collections and indexes exist: answered once H2 has written its file (a collection
     * dropped must not come back from records journaled before).
     */
    private static final Set<String> STRUCTURAL = caseInsensitive("create", "createIndexes", "drop", "dropIndexes",
            "dropDatabase", "renameCollection");

    /** How a collection created now is stored: {@link #BSON_AND_IDS}, or {@link #BSON} to write a file as before. */
    private final String newCollections;
    private final Journal journal;

    IndexedH2Backend(String fileName) {
        this(fileName, BSON_AND_IDS);
    }

    IndexedH2Backend(String fileName, String newCollections) {
        this(new MVStore.Builder().fileName(fileName).cacheSize(PAGE_CACHE_MB).pageSplitSize(PAGE_SIZE).open(),
                Path.of(fileName), newCollections);
    }

    private IndexedH2Backend(MVStore store, Path dataFile, String newCollections) {
        this(store, Journal.open(dataFile, store, new Journal.Collections() {
            @Override
            public MVMap<Object, Document> documents(String namespace) {
                return openDocuments(store, namespace, newCollections);
            }

            @Override
            public MVMap<String, Object> meta(String namespace) {
                return store.openMap(META_MAP + namespace);
            }
        }), newCollections);
    }

    private IndexedH2Backend(MVStore store, Journal journal, String newCollections) {
        super(store);
        this.journal = journal;
        this.newCollections = newCollections;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (STRUCTURAL.contains(command)) {   // in any case, as the server reads them, with no copy per command
            journal.checkpoint();
        }
        return answer;
    }

    @Override
    public void close() {
        journal.stop();
        super.close();
        journal.close();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * A collection's documents in the H2 file: as BSON with {@link DocumentIdType} keys when created now, or as
     * the file already holds them.
     */
    private static MVMap<Object, Document> openDocuments(MVStore store, String namespace, String newCollections) {
        boolean created = !store.hasMap(DATA_MAP + namespace);
        MVMap<String, Object> meta = store.openMap(META_MAP + namespace);
        Object format = created ? newCollections : meta.get(FORMAT);
        if (BSON_AND_IDS.equals(format)) {
            meta.put(FORMAT, BSON_AND_IDS);
            return store.openMap(DATA_MAP + namespace, new MVMap.Builder<Object, Document>()
                    .keyType(DocumentIdType.INSTANCE).valueType(BsonDocumentType.INSTANCE));
        }
        if (BSON.equals(format)) {
            meta.put(FORMAT, BSON);
            return store.openMap(DATA_MAP + namespace,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        }
        return store.openMap(DATA_MAP + namespace);   // written by the stock backend
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
            MVMap<Object, Document> documents = openDocuments(store, namespace, newCollections);
            return new JournaledCollection(this, collectionName, options, documents,
                    store.openMap(META_MAP + namespace), cursorRegistry, namespace);
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

    /** The stock collection, its every change recorded in the {@link Journal} (under the collection's lock). */
    private final class JournaledCollection extends H2Collection {

        private final String namespace;

        JournaledCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors, String namespace) {
            super(database, collectionName, options, documents, meta, cursors);
            this.namespace = namespace;
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object key = super.addDocumentInternal(document);
            journal.put(namespace, key, document);
            return key;
        }

        @Override
        protected void handleUpdate(Object key, Document oldDocument, Document newDocument) {
            super.handleUpdate(key, oldDocument, newDocument);
            journal.put(namespace, key, newDocument);
        }

        @Override
        protected void removeDocument(Object key) {
            super.removeDocument(key);
            journal.remove(namespace, key);
        }

        @Override
        protected void updateDataSize(int delta) {
            super.updateDataSize(delta);
            journal.dataSize(namespace, getDataSize());
        }
    }
}
