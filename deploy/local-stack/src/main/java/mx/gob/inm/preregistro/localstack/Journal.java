package mx.gob.inm.preregistro.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mongo-wire server's journal. H2 writes the changes of its file about once a second: a server killed (-9) in
 * between lost writes it had acknowledged. Writing the file after every command instead doubled the server's
 * processor time. So every change of a document is appended here before the command that made it is answered, and
 * the journal is applied to the file when the server starts again.
 *
 * <p>A record is a BSON document naming a collection ({@code ns}) and either a document's key ({@code id}) with the
 * document as it now is ({@code doc}) or {@code deleted}, or the collection's {@code dataSize}. A record sets a final
 * state, so applying one the file already holds changes nothing, and records are applied in the order they were
 * written (a collection's changes are recorded in the order it made them: its writes are synchronised).
 *
 * <p>Every second a checkpoint starts a new journal file, has H2 write its file, and deletes the previous journal file:
 * each change it recorded was made before it was recorded, so before H2 wrote. What the kernel holds outlives a killed
 * process; a power failure is not covered (nothing is forced to the disk), as for Keycloak's development database.
 */
final class Journal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final long CHECKPOINT_MILLIS = 1000;
    private static final String DATA_SIZE = "dataSize";   // the stock collection's key for it in its meta map

    /** The maps of a collection in the H2 file, opened as the server opens them. */
    interface Collections {

        MVMap<Object, Document> documents(String namespace);

        MVMap<String, Object> meta(String namespace);
    }

    private final Path dataFile;
    private final MVStore store;
    private final Object appending = new Object();
    private final ScheduledExecutorService checkpoints = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mongo-wire-journal");
        thread.setDaemon(true);
        return thread;
    });
    private long number;
    private FileChannel file;
    private boolean written;

    private Journal(Path dataFile, MVStore store, long number) {
        this.dataFile = dataFile;
        this.store = store;
        this.number = number;
        this.file = create(path(number));
        checkpoints.scheduleWithFixedDelay(this::checkpointOrLog, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Applies the journal left by a server that stopped without writing its file, has H2 write it, and starts a new
     * journal.
     */
    static Journal open(Path dataFile, MVStore store, Collections collections) {
        List<Path> left = files(dataFile);
        for (Path path : left) {
            apply(path, collections);
        }
        store.commit();
        left.forEach(Journal::delete);
        long next = left.isEmpty() ? 1 : numberOf(left.get(left.size() - 1)) + 1;
        return new Journal(dataFile, store, next);
    }

    void put(String namespace, Object key, Document document) {
        append(new Document("ns", namespace).append("id", key).append("doc", document));
    }

    void remove(String namespace, Object key) {
        append(new Document("ns", namespace).append("id", key).append("deleted", true));
    }

    void dataSize(String namespace, long size) {
        append(new Document("ns", namespace).append(DATA_SIZE, size));
    }

    /**
     * Starts a new journal file, has H2 write its file, and deletes the journal file before: H2's file now holds every
     * change that file recorded. Also called after a command that changes what collections exist (a dropped
     * collection's records must not be applied again).
     */
    synchronized void checkpoint() {
        FileChannel previous;
        Path previousPath;
        synchronized (appending) {
            if (!written || store.isClosed()) {
                return;
            }
            previous = file;
            previousPath = path(number);
            number++;
            file = create(path(number));
            written = false;
        }
        store.commit();
        close(previous);
        delete(previousPath);
    }

    /** A failed checkpoint keeps its journal files (applied again at the next start) and the next one tries again. */
    private void checkpointOrLog() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.error("journal checkpoint failed; the journal is kept", e);
        }
    }

    /** Stops the checkpoints; the caller then closes H2's store, which writes its file. */
    void stop() {
        checkpoints.shutdownNow();
        try {
            checkpoints.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** After H2's store was closed (its file written): the journal is no longer needed. */
    @Override
    public void close() {
        synchronized (appending) {
            close(file);
            delete(path(number));
        }
    }

    private void append(Document record) {
        ByteBuffer bson = ByteBuffer.wrap(BsonDocumentType.bson(record));
        synchronized (appending) {
            try {
                while (bson.hasRemaining()) {
                    file.write(bson);
                }
                written = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the journal " + path(number), e);
            }
        }
    }

    private static void apply(Path path, Collections collections) {
        ByteBuffer records = ByteBuffer.wrap(read(path));
        while (records.remaining() >= Integer.BYTES) {
            int length = Integer.reverseBytes(records.getInt(records.position()));   // BSON is little-endian
            if (length < 5 || length > records.remaining()) {
                break;   // the last record, cut short by the kill: its command was never answered
            }
            Document record = BsonDocumentType.INSTANCE.read(records);
            String namespace = (String) record.get("ns");
            if (record.containsKey("doc")) {
                collections.documents(namespace).put(record.get("id"), (Document) record.get("doc"));
            } else if (record.containsKey("deleted")) {
                collections.documents(namespace).remove(record.get("id"));
            } else {
                collections.meta(namespace).put(DATA_SIZE, ((Number) record.get(DATA_SIZE)).longValue());
            }
        }
    }

    private Path path(long n) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".journal." + n);
    }

    private static List<Path> files(Path dataFile) {
        String prefix = dataFile.getFileName() + ".journal.";
        try (Stream<Path> siblings = Files.list(dataFile.toAbsolutePath().getParent())) {
            List<Path> files = new ArrayList<>(siblings
                    .filter(p -> p.getFileName().toString().startsWith(prefix)).toList());
            files.sort(Comparator.comparingLong(Journal::numberOf));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long numberOf(Path journalFile) {
        String name = journalFile.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('.') + 1));
    }

    private static FileChannel create(Path path) {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal " + path, e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
