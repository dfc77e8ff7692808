package mx.gob.inm.preregistro.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {

    @Test
    @DisplayName("a document is written and read back as BSON")
    void roundTrip() {
        Document document = new Document("_id", "p-1").append("status", "APPROVED")
                .append("outbox", List.of(new Document("eventId", "e-1")));
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);

        assertThat(BsonDocumentType.INSTANCE.read(buffer.getBuffer().flip())).isEqualTo(document);
    }

    @Test
    @DisplayName("a document changed in place while H2's background writer encodes it is written whole, never failing the store")
    void changedWhileWritten() throws Exception {
        Document document = new Document("_id", "p-1");
        for (int i = 0; i < 50; i++) {
            document.put("field" + i, "value " + i);
        }
        AtomicBoolean changing = new AtomicBoolean(true);
        Thread changer = new Thread(() -> {
            for (int i = 0; changing.get(); i++) {
                document.put("extra" + (i % 7), i);   // keys come and go, as the server's changes do
                document.remove("extra" + ((i + 3) % 7));
            }
        });
        changer.start();
        try {
            for (int i = 0; i < 2_000; i++) {
                WriteBuffer buffer = new WriteBuffer();
                BsonDocumentType.INSTANCE.write(buffer, document);
                Document read = BsonDocumentType.INSTANCE.read(buffer.getBuffer().flip());
                assertThat(read.get("field49")).isEqualTo("value 49");
            }
        } finally {
            changing.set(false);
            changer.join();
        }
    }
}
