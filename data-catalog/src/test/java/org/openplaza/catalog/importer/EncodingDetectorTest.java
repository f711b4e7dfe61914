package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openplaza.catalog.DetectedEncoding;

class EncodingDetectorTest {

    private static DetectedEncoding detect(byte[] bytes) {
        return EncodingDetector.detect(bytes, bytes.length);
    }

    private static byte[] repeat(String text, Charset charset) {
        return text.repeat(40).getBytes(charset);
    }

    @Test
    void byte_order_marks_decide_first() {
        byte[] utf16le = ("\uFEFF" + "name,value\n김,1\n").getBytes(StandardCharsets.UTF_16LE);
        assertThat(detect(utf16le)).isEqualTo(new DetectedEncoding(StandardCharsets.UTF_16LE, 2, "bom"));
        byte[] utf16be = ("\uFEFF" + "name,value\n").getBytes(StandardCharsets.UTF_16BE);
        assertThat(detect(utf16be).charset()).isEqualTo(StandardCharsets.UTF_16BE);
        byte[] utf8 = ("\uFEFF" + "name\n").getBytes(StandardCharsets.UTF_8);
        assertThat(detect(utf8)).isEqualTo(new DetectedEncoding(StandardCharsets.UTF_8, 3, "bom"));
    }

    @Test
    void valid_utf8_without_a_bom_is_utf8() {
        assertThat(detect(repeat("도시,인구\n서울,9770638\n", StandardCharsets.UTF_8)).charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void korean_in_cp949_is_read_as_cp949() {
        Charset cp949 = Charset.forName("x-windows-949");
        DetectedEncoding detected = detect(repeat("행정구역,총인구수\n서울특별시 종로구,151290\n", cp949));
        assertThat(detected.charset()).isEqualTo(cp949);
    }

    @Test
    void chinese_and_japanese_encodings_are_recognised() {
        assertThat(detect(repeat("城市,人口,日期\n北京市朝阳区,3452000,二零一九年\n", Charset.forName("GB18030")))
                        .charset()
                        .name())
                .isEqualTo("GB18030");
        assertThat(detect(repeat("鄉鎮市區,交易標的,總價元\n東區,房地,9800000\n臺中市西屯區,土地,1500000\n", Charset.forName("Big5")))
                        .charset()
                        .name())
                .isEqualTo("Big5-HKSCS");
        assertThat(detect(repeat("都道府県,人口,日付\n東京都新宿区,346235,令和元年\n", Charset.forName("Shift_JIS")))
                        .charset()
                        .name())
                .isEqualTo("windows-31j");
    }

    @Test
    void western_european_text_is_read_as_windows_1252() {
        Charset cp1252 = Charset.forName("windows-1252");
        DetectedEncoding detected = detect(repeat("Monat;Wert\nMärz;60,8\n\u201cQuoted\u201d – £5;1\n", cp1252));
        assertThat(detected.charset()).isEqualTo(cp1252);
    }
}
