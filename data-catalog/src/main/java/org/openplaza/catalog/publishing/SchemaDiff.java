package org.openplaza.catalog.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How one version's columns differ from the previous version's, matched by generated name. */
record SchemaDiff(List<String> added, List<String> removed, List<String> retyped) {

    static SchemaDiff between(
            @Nullable List<PublishingRepository.StoredColumn> before, List<PublishingRepository.StoredColumn> after) {
        if (before == null) {
            return new SchemaDiff(List.of(), List.of(), List.of());
        }
        Map<String, PublishingRepository.StoredColumn> old =
                before.stream().collect(Collectors.toMap(PublishingRepository.StoredColumn::name, Function.identity()));
        Map<String, PublishingRepository.StoredColumn> now =
                after.stream().collect(Collectors.toMap(PublishingRepository.StoredColumn::name, Function.identity()));
        List<String> added = new ArrayList<>();
        List<String> retyped = new ArrayList<>();
        for (PublishingRepository.StoredColumn column : after) {
            PublishingRepository.StoredColumn was = old.get(column.name());
            if (was == null) {
                added.add(column.label());
            } else if (was.type() != column.type()) {
                retyped.add(column.label() + " (" + was.type() + " → " + column.type() + ")");
            }
        }
        List<String> removed = before.stream()
                .filter(c -> !now.containsKey(c.name()))
                .map(PublishingRepository.StoredColumn::label)
                .toList();
        return new SchemaDiff(added, removed, retyped);
    }
}
