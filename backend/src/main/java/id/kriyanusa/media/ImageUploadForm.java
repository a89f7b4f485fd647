package id.kriyanusa.media;

import java.io.IOException;

import id.kriyanusa.platform.graphql.UserErrorCode;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * An image posted with a multipart form: `POST /media/uploads` and the producers' photo
 * page both hand their fields to {@link MediaUploads#uploadDirectly}. A file above the
 * size limit is refused before its bytes are read into memory; everything else is decided
 * by the upload service.
 */
@Component
public class ImageUploadForm {

    private final MediaUploads uploads;

    ImageUploadForm(MediaUploads uploads) {
        this.uploads = uploads;
    }

    public ImagePayload submit(ImageTarget target, String targetId, MultipartFile file, String altId, String altEn)
            throws IOException {
        byte[] bytes = null;
        String contentType = null;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > uploads.maxUploadBytes()) {
                return ImagePayload.failed("file", UserErrorCode.TOO_LARGE,
                        "The image is larger than " + maxUploadMegabytes() + " MB");
            }
            bytes = file.getBytes();
            contentType = file.getContentType();
        }
        return uploads.uploadDirectly(new MediaUploads.DirectUpload(MediaUploads.TargetKey.decode(target, targetId),
                contentType, bytes, altId, altEn));
    }

    /** The size limit in whole megabytes, as forms tell it. */
    public long maxUploadMegabytes() {
        return uploads.maxUploadBytes() / (1024 * 1024);
    }

}
