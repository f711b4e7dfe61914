package org.openplaza.portal.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit fails while the request is resolved, before any controller is
 * chosen, so a controller's own handler never sees it; this advice applies to every request and
 * answers with CKAN's envelope and 413.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(0)
class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<CkanWriteApi.Envelope> tooLarge(MaxUploadSizeExceededException e) {
        return CkanWriteApi.error(
                HttpStatus.PAYLOAD_TOO_LARGE, "Validation Error", "The file is larger than the upload limit");
    }
}
