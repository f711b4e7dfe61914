package org.openplaza.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reading a view's components in a test without a browser: by id, their text, their links. */
public final class Components {

    private Components() {}

    /** The component of this id within the root, or null. */
    public static Component find(Component root, String id) {
        if (id.equals(root.getId().orElse(null))) {
            return root;
        }
        return root.getChildren()
                .map(child -> find(child, id))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The text of the component of this id, which must be there. */
    public static String text(Component root, String id) {
        Component found = find(root, id);
        assertThat(found).as("#%s", id).isNotNull();
        return found.getElement().getTextRecursively();
    }

    /** The addresses of every link within the root. */
    public static List<String> links(Component root) {
        List<String> hrefs = new ArrayList<>();
        if (root instanceof Anchor anchor) {
            hrefs.add(anchor.getHref());
        }
        root.getChildren().forEach(child -> hrefs.addAll(links(child)));
        return hrefs;
    }
}
