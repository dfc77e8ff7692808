package mx.gob.inm.preregistro.document.scan;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

import mx.gob.inm.preregistro.document.mrz.MrzReading;
import mx.gob.inm.preregistro.platform.quota.Quota;
import mx.gob.inm.preregistro.platform.quota.StoredQuota;

/**
 * The traveller's scans: the image in the service's GridFS and the OCR result in the {@code scans} collection, both
 * marked with the owner's account id. Every read is by id and owner together, so another traveller's scan does not
 * exist for the caller. The document registry uses {@link #find} to take a registration's scan.
 */
@Component
public class Scans {

    static final String COLLECTION = "scans";
    /** Per account, when its photos of the last hour were sent ({@link #countPhoto}). */
    static final String PHOTOS = "scan_photos";
    /** Set on a new scan, taken off when a document is registered from it ({@link #markUsed}). */
    private static final String UNUSED = "unused";

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final Clock clock;
    private final StoredQuota photos;

    public Scans(MongoTemplate mongo, GridFsTemplate gridFs, Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.clock = clock;
        this.photos = new StoredQuota(mongo, PHOTOS, "sentAt");
        mongo.indexOps(COLLECTION).createIndex(new Index("accountId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index(UNUSED, Sort.Direction.ASC).sparse());
    }

    /**
     * Keeps a scan, and erases the account's unused scans older than its {@code unusedPerAccount} newest: a traveller
     * registers a passport from the last photo, and photos sent again and again would otherwise fill the disks for a
     * day each ({@link UnusedScans}).
     */
    ScanResult store(String accountId, ImageIntake.AcceptedImage image, Optional<MrzReading> reading,
            int unusedPerAccount) {
        String id = UUID.randomUUID().toString();
        ObjectId imageId = gridFs.store(new ByteArrayInputStream(image.bytes()), "scan-" + id, image.contentType(),
                new Document("accountId", accountId).append("scanId", id));
        ScanResult scan = new ScanResult(id, accountId, Instant.now(clock), imageId.toHexString(),
                image.contentType(), reading.map(r -> r.format().name()).orElse(null),
                reading.map(MrzReading::lines).orElse(List.of()),
                reading.map(MrzReading::fields).orElse(Map.of()),
                reading.map(MrzReading::checks).orElse(Map.of()),
                reading.map(MrzReading::unreadable).orElse(MrzReading.FIELD_NAMES));
        mongo.insert(toDocument(scan).append(UNUSED, true), COLLECTION);
        Query beyond = query(where("accountId").is(accountId).and(UNUSED).is(true))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(unusedPerAccount);
        eraseUnused(beyond);
        return scan;
    }

    /** The scan if {@code accountId} owns it. */
    public Optional<ScanResult> find(String scanId, String accountId) {
        Document found = mongo.findOne(query(where("_id").is(scanId).and("accountId").is(accountId)), Document.class,
                COLLECTION);
        return Optional.ofNullable(found).map(Scans::fromDocument);
    }

    /** Every scan of the account, newest first. */
    List<ScanResult> ofAccount(String accountId) {
        return mongo.find(query(where("accountId").is(accountId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Document.class, COLLECTION).stream().map(Scans::fromDocument).toList();
    }

    /** Erases one scan of the account, the photo and what was read from it; none of that name, nothing. */
    public void erase(String scanId, String accountId) {
        find(scanId, accountId).ifPresent(scan -> {
            gridFs.delete(query(where("_id").is(new ObjectId(scan.imageId()))));
            mongo.remove(query(where("_id").is(scanId).and("accountId").is(accountId)), COLLECTION);
        });
    }

    /** Records that a document was registered from the scan: it is kept as long as the document. */
    public void markUsed(String scanId, String accountId) {
        mongo.updateFirst(query(where("_id").is(scanId).and("accountId").is(accountId)), new Update().unset(UNUSED),
                COLLECTION);
    }

    /**
     * Erases the scans read before {@code cutoff} that no document was registered from, the photos and what was read
     * from them; returns how many. A scan used meanwhile is left alone, and so is one stored before scans were marked
     * unused (its use is not known).
     */
    long eraseUnusedBefore(Instant cutoff) {
        return eraseUnused(query(where(UNUSED).is(true).and("createdAt").lt(Date.from(cutoff))));
    }

    /** Erases the scans {@code unused} finds that are still unused, the photos and what was read; returns how many. */
    private long eraseUnused(Query unused) {
        long erased = 0;
        unused.fields().include("imageId");
        for (Document scan : mongo.find(unused, Document.class, COLLECTION)) {
            if (mongo.remove(query(where("_id").is(scan.getString("_id")).and(UNUSED).is(true)), COLLECTION)
                    .getDeletedCount() == 1) {
                gridFs.delete(query(where("_id").is(new ObjectId(scan.getString("imageId")))));
                erased++;
            }
        }
        return erased;
    }

    /**
     * Counts a photo the account sent, before anything is decoded or read: each takes the OCR about a second of a
     * processor, and the gateway limits them per session, which a traveller signed in several times multiplies.
     *
     * @return empty when counted; otherwise how long until the quota has room again
     */
    Optional<Duration> countPhoto(String accountId, Quota quota) {
        return photos.take(accountId, quota, Instant.now(clock));
    }

    /**
     * Erases every scan of the account (R-ENT-5): the photos and what was read from them. Returns how many readings
     * there were; erasing again finds none.
     */
    public long eraseAccount(String accountId) {
        mongo.remove(query(where("_id").is(accountId)), PHOTOS);
        gridFs.delete(query(where("metadata.accountId").is(accountId)));
        return mongo.remove(query(where("accountId").is(accountId)), COLLECTION).getDeletedCount();
    }

    /** The stored image of a scan that {@code accountId} owns. */
    Optional<byte[]> image(ScanResult scan) {
        var file = gridFs.findOne(query(where("_id").is(new ObjectId(scan.imageId()))
                .and("metadata.accountId").is(scan.accountId())));
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

    private static Document toDocument(ScanResult scan) {
        return new Document("_id", scan.id()).append("accountId", scan.accountId())
                .append("createdAt", Date.from(scan.createdAt())).append("imageId", scan.imageId())
                .append("contentType", scan.contentType()).append("format", scan.format())
                .append("lines", scan.lines()).append("fields", new Document(new LinkedHashMap<>(scan.fields())))
                .append("checks", new Document(new LinkedHashMap<>(scan.checks())))
                .append("unreadable", scan.unreadable());
    }

    @SuppressWarnings("unchecked")
    private static ScanResult fromDocument(Document d) {
        Map<String, String> fields = new LinkedHashMap<>();
        d.get("fields", Document.class).forEach((k, v) -> fields.put(k, (String) v));
        Map<String, Boolean> checks = new LinkedHashMap<>();
        d.get("checks", Document.class).forEach((k, v) -> checks.put(k, (Boolean) v));
        return new ScanResult(d.getString("_id"), d.getString("accountId"), d.getDate("createdAt").toInstant(),
                d.getString("imageId"), d.getString("contentType"), d.getString("format"),
                new ArrayList<>((List<String>) d.get("lines")), fields, checks,
                new ArrayList<>((List<String>) d.get("unreadable")));
    }
}
