package mx.gob.inm.preregistro.preregistration.attachments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * The attachments' bytes in this service's GridFS (bucket {@code fs}), each tagged with its owner's account id;
 * reading checks the owner, so another traveller's file is simply not found.
 */
@Component
public class AttachmentStore {

    private final GridFsTemplate gridFs;

    public AttachmentStore(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    /** Stores a file already accepted by {@link AttachmentInspector}; returns its id. */
    public String store(String accountId, String preregistrationId, String slot, String filename, String contentType,
            byte[] content) {
        Document metadata = new Document("accountId", accountId)
                .append("preregistrationId", preregistrationId)
                .append("slot", slot);
        ObjectId id = gridFs.store(new ByteArrayInputStream(content), filename, contentType, metadata);
        return id.toHexString();
    }

    /** The bytes of a file if {@code accountId} owns it. */
    public Optional<byte[]> read(String fileId, String accountId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        var file = gridFs.findOne(query(where("_id").is(new ObjectId(fileId)).and("metadata.accountId").is(accountId)));
        if (file == null) {
            return Optional.empty();
        }
        GridFsResource resource = gridFs.getResource(file);
        try (var in = resource.getInputStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String fileId) {
        if (fileId != null && ObjectId.isValid(fileId)) {
            gridFs.delete(query(where("_id").is(new ObjectId(fileId))));
        }
    }
}
