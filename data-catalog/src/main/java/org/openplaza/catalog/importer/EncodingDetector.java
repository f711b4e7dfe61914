package org.openplaza.catalog.importer;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openplaza.catalog.DetectedEncoding;

/**
 * Finds the encoding of a CSV file from its first megabyte: a byte-order mark first, then strict
 * UTF-8 (which plain ASCII passes too), then ICU4J's statistical detector, whose answers are mapped
 * to the supersets real files use (EUC-KR to CP949, ISO-8859-1 to Windows-1252).
 */
public final class EncodingDetector {

    static final int SAMPLE_BYTES = 1 << 20;

    /** ICU's names mapped to the charset that decodes every file ICU gives that name. */
    private static final Map<String, String> SUPERSETS = Map.of(
            "EUC-KR", "x-windows-949",
            "ISO-8859-1", "windows-1252",
            "GB18030", "GB18030",
            "Big5", "Big5-HKSCS",
            "Shift_JIS", "windows-31j",
            "EUC-JP", "EUC-JP",
            "windows-1252", "windows-1252",
            "UTF-16LE", "UTF-16LE",
            "UTF-16BE", "UTF-16BE");

    private EncodingDetector() {}

    public static DetectedEncoding detect(InputStream in) throws IOException {
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        return detect(sample, sample.length);
    }

    static DetectedEncoding detect(byte[] sample, int length) {
        if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 3, "bom");
        }
        if (startsWith(sample, length, 0xFE, 0xFF)) {
            return new DetectedEncoding(StandardCharsets.UTF_16BE, 2, "bom");
        }
        if (startsWith(sample, length, 0xFF, 0xFE)) {
            return new DetectedEncoding(StandardCharsets.UTF_16LE, 2, "bom");
        }
        if (isAscii(sample, length)) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 0, "ascii");
        }
        if (isUtf8(sample, length, length == SAMPLE_BYTES)) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 0, "utf-8");
        }
        CharsetDetector detector = new CharsetDetector();
        byte[] exact = length == sample.length ? sample : java.util.Arrays.copyOf(sample, length);
        detector.setText(exact);
        for (CharsetMatch match : detector.detectAll()) {
            String superset = SUPERSETS.get(match.getName());
            if (superset != null && Charset.isSupported(superset)) {
                return new DetectedEncoding(Charset.forName(superset), 0, "icu");
            }
        }
        return new DetectedEncoding(Charset.forName("windows-1252"), 0, "fallback");
    }

    private static boolean startsWith(byte[] data, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Strict UTF-8; a sequence cut by the end of a truncated sample is forgiven. */
    private static boolean isUtf8(byte[] data, int length, boolean truncated) {
        int end = length;
        if (truncated) {
            // step back over a possibly incomplete last character
            int back = 0;
            while (back < 3 && end > 0 && (data[end - 1] & 0xC0) == 0x80) {
                end--;
                back++;
            }
            if (end > 0 && (data[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(data, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
