package org.openplaza.portal.download;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A download that cannot be served says why in plain text with its status, written here rather
 * than through the container's error page, so that a script fetching data gets an answer it can
 * read and never the app's HTML.
 */
final class PlainRefusal {

    private PlainRefusal() {}

    static void send(HttpServletResponse response, int status, String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }
}
