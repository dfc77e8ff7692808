package mx.gob.inm.preregistro.localstack;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a collection's documents in the H2 file: the documents' {@code _id}s. H2's generic key type knows
 * strings and numbers but Java-serialises anything else, and the services' most written collections have
 * {@link ObjectId} keys (the events each consumer handled, the attachments' files and chunks): every page of them
 * written or read went through an object stream per key, a tenth of this server's profile samples under the
 * benchmark. Strings, ObjectIds, UUIDs, longs, integers and the "no _id" marker are written as their bytes;
 * anything else as H2 always wrote it. Keys are ordered by kind, in that order, then by value, so two keys are equal
 * exactly when H2's generic type found them equal.
 */
final class DocumentIdType extends BasicDataType<Object> {

    static final DocumentIdType INSTANCE = new DocumentIdType();

    private static final int STRING = 0;
    private static final int OBJECT_ID = 1;
    private static final int UUID_KEY = 2;
    private static final int LONG = 3;
    private static final int INTEGER = 4;
    private static final int MISSING = 5;
    private static final int OTHER = 6;

    private static final ObjectDataType GENERIC = new ObjectDataType();

    private DocumentIdType() {
    }

    private static int kind(Object key) {
        if (key instanceof String) {
            return STRING;
        }
        if (key instanceof ObjectId) {
            return OBJECT_ID;
        }
        if (key instanceof UUID) {
            return UUID_KEY;
        }
        if (key instanceof Long) {
            return LONG;
        }
        if (key instanceof Integer) {
            return INTEGER;
        }
        return key instanceof Missing ? MISSING : OTHER;
    }

    @Override
    public int compare(Object a, Object b) {
        int kind = kind(a);
        int byKind = Integer.compare(kind, kind(b));
        if (byKind != 0) {
            return byKind;
        }
        return switch (kind) {
            case STRING -> ((String) a).compareTo((String) b);
            case OBJECT_ID -> ((ObjectId) a).compareTo((ObjectId) b);
            case UUID_KEY -> ((UUID) a).compareTo((UUID) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case INTEGER -> Integer.compare((Integer) a, (Integer) b);
            case MISSING -> 0;
            default -> GENERIC.compare(a, b);
        };
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        int kind = kind(key);
        buffer.put((byte) kind);
        switch (kind) {
            case STRING -> {
                byte[] utf8 = ((String) key).getBytes(StandardCharsets.UTF_8);
                buffer.putVarInt(utf8.length).put(utf8);
            }
            case OBJECT_ID -> buffer.put(((ObjectId) key).toByteArray());
            case UUID_KEY -> buffer.putLong(((UUID) key).getMostSignificantBits())
                    .putLong(((UUID) key).getLeastSignificantBits());
            case LONG -> buffer.putLong((Long) key);
            case INTEGER -> buffer.putInt((Integer) key);
            case MISSING -> { }
            default -> {
                byte[] serialised = serialise(key);
                buffer.putVarInt(serialised.length).put(serialised);
            }
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int kind = buffer.get();
        return switch (kind) {
            case STRING -> new String(bytes(buffer, DataUtils.readVarInt(buffer)), StandardCharsets.UTF_8);
            case OBJECT_ID -> new ObjectId(bytes(buffer, 12));
            case UUID_KEY -> new UUID(buffer.getLong(), buffer.getLong());
            case LONG -> buffer.getLong();
            case INTEGER -> buffer.getInt();
            case MISSING -> Missing.getInstance();
            case OTHER -> deserialise(bytes(buffer, DataUtils.readVarInt(buffer)));
            default -> throw new IllegalStateException("unknown kind of document key " + kind);
        };
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof String text ? 48 + text.length() : 48;
    }

    private static byte[] bytes(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] serialise(Object key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialise(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
