package mx.gob.inm.preregistro.localstack;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A collection's documents in the H2 file as their BSON bytes, written and read by mongo-java-server's own wire
 * encoder and decoder. The stock backend stores each document as a Java-serialised object: every page H2 writes
 * (each change of a document rewrites its page) and every page it reads or compacts went through Java
 * serialisation, about a third of this server's processor time under the benchmark. A BSON document starts with its
 * own length, so the bytes are written as they are.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private BsonDocumentType() {
    }

    /**
     * Writes the document's BSON. H2 writes a page in its background thread while the server may be changing a
     * document of that page in place (the page is written again once the change is saved); an encoding that meets such
     * a change ({@link ConcurrentModificationException}) is started again until it reads the document whole. Throwing
     * instead would close the whole store.
     */
    @Override
    public void write(WriteBuffer buffer, Document document) {
        encode(document, buffer::put);
    }

    /** The document's BSON, for {@link Journal}. */
    static byte[] bson(Document document) {
        byte[][] bytes = new byte[1][];
        encode(document, bson -> {
            bytes[0] = new byte[bson.remaining()];
            bson.get(bytes[0]);
        });
        return bytes[0];
    }

    private static void encode(Document document, Consumer<ByteBuffer> to) {
        while (true) {
            ByteBuf bson = Unpooled.buffer(256);
            try {
                BsonEncoder.encodeDocument(document, bson);
                to.accept(bson.nioBuffer());
                return;
            } catch (ConcurrentModificationException changedMeanwhile) {
                Thread.yield();
            } finally {
                bson.release();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));   // BSON is little-endian
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** An estimate of the document's heap size, for the size of H2's page cache; walking it costs far less than encoding. */
    @Override
    public int getMemory(Document document) {
        return 48 + estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> values) {
            int size = 40;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof BinData binary) {
            return 32 + binary.getData().length;
        }
        return 24;
    }
}
