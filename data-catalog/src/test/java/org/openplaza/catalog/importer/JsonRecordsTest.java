package org.openplaza.catalog.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openplaza.catalog.CatalogException;

/** JSON records made into CSV: the shapes city APIs answer with, and what is refused. */
class JsonRecordsTest {

    @TempDir
    Path dir;

    private String csv(String json) throws Exception {
        Path in = Files.writeString(dir.resolve("in.json"), json, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        JsonRecords.toCsv(in, out);
        return Files.readString(out, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void an_array_of_objects_with_keys_met_late_and_values_of_every_kind() throws Exception {
        assertThat(csv("""
                        [{"station": "Changi", "rain_mm": 12.5, "ok": true},
                         {"station": "서울, 종로", "rain_mm": null, "gauge": {"id": 7, "tags": ["a"]}},
                         {"rain_mm": 3}]
                        """)).isEqualTo("""
                        station,rain_mm,ok,gauge
                        Changi,12.5,true,
                        "서울, 종로",,,"{""id"":7,""tags"":[""a""]}"
                        "",3,,
                        """);
    }

    @Test
    void records_held_by_an_object_at_the_root_or_one_level_down() throws Exception {
        assertThat(csv("{\"meta\": {\"count\": 1}, \"tags\": [1, 2], \"data\": [{\"a\": 1}]}"))
                .isEqualTo("a\n1\n");
        assertThat(csv("""
                        {"help": "...", "success": true,
                         "result": {"fields": [{"id": "a"}], "records": [{"a": "x"}, {"a": "y"}], "total": 2}}
                        """))
                .as("CKAN's datastore_search: the fields' array is of objects too, and comes first")
                .startsWith("id\n");
    }

    @Test
    void files_without_records_are_refused() throws Exception {
        for (String json :
                new String[] {"{\"a\": 1}", "[1, 2, 3]", "[]", "[{\"a\": 1}, 7]", "{\"data\": [", "nonsense"}) {
            assertThatThrownBy(() -> csv(json))
                    .as(json)
                    .isInstanceOf(CatalogException.class)
                    .hasMessage("import.error.json");
        }
    }

    @Test
    void json_is_known_by_its_type_or_its_first_character() throws Exception {
        Path json = Files.writeString(dir.resolve("a"), "\uFEFF  \n[{\"a\": 1}]", StandardCharsets.UTF_8);
        Path csv = Files.writeString(dir.resolve("b"), "a,b\n1,2\n");
        assertThat(JsonRecords.isJson(json, null)).isTrue();
        assertThat(JsonRecords.isJson(csv, null)).isFalse();
        assertThat(JsonRecords.isJson(csv, "application/json; charset=utf-8")).isTrue();
        assertThat(JsonRecords.isJson(json, "text/csv")).isFalse();
        assertThat(JsonRecords.isJson(json, "application/octet-stream")).isTrue();
    }
}
