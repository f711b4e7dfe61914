package org.openplaza.portal.publish;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.openplaza.catalog.DatasetSource;

/** Why a dataset's source last failed, in the reader's language. */
public final class SourceMessages {

    private SourceMessages() {}

    /** The failure's message, its arguments as the bundle's patterns take them (numbers as numbers). */
    public static String failure(Component on, DatasetSource source) {
        String key = source.lastError();
        return key == null ? "" : message(on, key, source.lastErrorArguments());
    }

    /** A failure kept as its message key and arguments, a line each, as a notification keeps it. */
    public static String failure(Component on, String keyAndArguments) {
        List<String> lines = List.of(keyAndArguments.split("\n", -1));
        return message(on, lines.get(0), lines.subList(1, lines.size()));
    }

    /** The lines a notification keeps for a failure. */
    public static String lines(String key, List<String> arguments) {
        return String.join(
                "\n",
                java.util.stream.Stream.concat(java.util.stream.Stream.of(key), arguments.stream())
                        .toList());
    }

    private static String message(Component on, String key, List<String> arguments) {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            String a = arguments.get(i);
            values[i] = a.matches("-?\\d{1,18}") ? (Object) Long.valueOf(a) : a;
        }
        return on.getTranslation(key, values);
    }
}
