package org.openplaza.catalog;

import java.nio.charset.Charset;

/**
 * The character encoding of an uploaded file.
 *
 * @param charset how to decode it
 * @param bomLength bytes of byte-order mark at the start, to skip
 * @param detector what decided: {@code bom}, {@code ascii}, {@code utf-8}, {@code icu} or {@code override}
 */
public record DetectedEncoding(Charset charset, int bomLength, String detector) {}
