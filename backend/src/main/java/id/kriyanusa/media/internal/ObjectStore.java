package id.kriyanusa.media.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import id.kriyanusa.platform.ServiceUnavailableException;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PostPolicy;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The media bucket seen as plain object operations. Every failure to reach storage
 * surfaces as {@link StorageUnavailableException}, so callers can tell "storage is down"
 * from "the object is missing".
 */
@Component
public class ObjectStore {

    /** What storage knows about an object. */
    public record ObjectInfo(long size, String contentType, ZonedDateTime lastModified) {
    }

    /** Storage could not be reached or answered with a server error. */
    public static class StorageUnavailableException extends ServiceUnavailableException {

        public StorageUnavailableException(Throwable cause) {
            super("Object storage is unavailable: " + cause.getMessage(), cause);
        }

    }

    /**
     * An upload form storage accepts: post {@code fields} in this order, then the file in
     * a last field named {@code file}, to {@code url}.
     */
    public record PresignedPost(String url, Map<String, String> fields) {
    }

    private final MinioClient minio;

    private final URI endpoint;

    private final String bucket;

    @Autowired
    public ObjectStore(MinioClient minio, StorageProperties storage, MediaBucket bucket) {
        this(minio, storage.endpoint(), bucket.name());
    }

    /**
     * A store through another client: buyers' rendition reads with shorter limits, or
     * tests of a storage that is down.
     */
    public ObjectStore(MinioClient minio, URI endpoint, String bucket) {
        this.minio = minio;
        this.endpoint = endpoint;
        this.bucket = bucket;
    }

    /**
     * A signed POST policy that lets its holder upload this one object, of this type and
     * of at most {@code maxBytes}, until it expires; storage itself refuses anything else
     * (a presigned PUT would take any size, any number of times). Signed locally, no
     * round trip.
     */
    public PresignedPost presignedPost(String key, String contentType, long maxBytes, OffsetDateTime expiresAt) {
        var policy = new PostPolicy(bucket, expiresAt.toZonedDateTime());
        policy.addEqualsCondition("key", key);
        policy.addEqualsCondition("Content-Type", contentType);
        policy.addContentLengthRangeCondition(1, maxBytes);
        var fields = new LinkedHashMap<String, String>();
        fields.put("key", key);
        fields.put("Content-Type", contentType);
        try {
            fields.putAll(minio.getPresignedPostFormData(policy));
        }
        catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
        return new PresignedPost(endpoint.toString().replaceAll("/+$", "") + "/" + bucket, fields);
    }

    /** The object's size and type, or null when there is no such object. */
    public ObjectInfo stat(String key) {
        try {
            var stat = minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return new ObjectInfo(stat.size(), stat.contentType(), stat.lastModified());
        }
        catch (ErrorResponseException e) {
            if (missing(e)) {
                return null;
            }
            throw new StorageUnavailableException(e);
        }
        catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /**
     * At most {@code maxBytes} of the object; more means the caller's size check failed
     * to hold.
     */
    public byte[] read(String key, long maxBytes) {
        try (var in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IllegalStateException("Object " + key + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
        catch (IllegalStateException e) {
            throw e;
        }
        catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /**
     * The object's bytes as a stream (close it), or null when there is no such object.
     */
    public GetObjectResponse open(String key) {
        try {
            return minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        }
        catch (ErrorResponseException e) {
            if (missing(e)) {
                return null;
            }
            throw new StorageUnavailableException(e);
        }
        catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    public void put(String key, byte[] bytes, String contentType) {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            minio.putObject(PutObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .contentType(contentType)
                .stream(in, bytes.length, -1)
                .build());
        }
        catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    public void remove(String key) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        }
        catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** Keys under a prefix with their last change, for housekeeping. */
    public List<ListedObject> list(String prefix, int max) {
        try {
            var result = new ArrayList<ListedObject>();
            for (var item : minio
                .listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                var object = item.get();
                result.add(new ListedObject(object.objectName(), object.lastModified()));
                if (result.size() >= max) {
                    break;
                }
            }
            return result;
        }
        catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /**
     * Every key under a prefix, handed over one page at a time: storage is asked for
     * {@code pageSize} keys per request (continuing from the last key), so a bucket of
     * any size is walked with bounded memory.
     */
    public void forEachPage(String prefix, int pageSize, Consumer<List<ListedObject>> page) {
        var buffer = new ArrayList<ListedObject>(pageSize);
        Iterable<Result<Item>> items = minio.listObjects(
                ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).maxKeys(pageSize).build());
        for (var item : items) {
            Item object;
            try {
                object = item.get();
            }
            catch (Exception e) {
                throw new StorageUnavailableException(e);
            }
            buffer.add(new ListedObject(object.objectName(), object.lastModified()));
            if (buffer.size() == pageSize) {
                page.accept(List.copyOf(buffer));
                buffer.clear();
            }
        }
        if (!buffer.isEmpty()) {
            page.accept(List.copyOf(buffer));
        }
    }

    public record ListedObject(String key, ZonedDateTime lastModified) {
    }

    private static boolean missing(ErrorResponseException e) {
        var code = e.errorResponse() == null ? null : e.errorResponse().code();
        return "NoSuchKey".equals(code) || "NoSuchObject".equals(code)
                || e.response() != null && e.response().code() == 404;
    }

}
