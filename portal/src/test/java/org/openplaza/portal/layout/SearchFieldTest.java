package org.openplaza.portal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openplaza.portal.MockUi;

/** A list's order follows its search words unless the reader chose another. */
@ExtendWith(MockUi.class)
class SearchFieldTest {

    enum Order {
        NEWEST,
        BEST_MATCH,
        MOST_LIKED
    }

    private static Order usual(String words) {
        return words == null || words.isBlank() ? Order.NEWEST : Order.BEST_MATCH;
    }

    @Test
    void words_bring_the_best_matches_first_and_a_chosen_order_stays() {
        TextField words = new TextField();
        Select<Order> order = new Select<>();
        order.setItems(Order.values());
        order.setValue(Order.NEWEST);
        List<Order> quiet = new ArrayList<>();
        SearchField.orderFollowsWords(words, order, SearchFieldTest::usual, change -> {
            change.run();
            quiet.add(order.getValue());
        });

        words.setValue("rain");
        assertThat(order.getValue()).isEqualTo(Order.BEST_MATCH);
        words.setValue("");
        assertThat(order.getValue()).isEqualTo(Order.NEWEST);
        assertThat(quiet).as("each set quietly").containsExactly(Order.BEST_MATCH, Order.NEWEST);

        order.setValue(Order.MOST_LIKED);
        words.setValue("rain");
        assertThat(order.getValue()).as("the reader's choice kept").isEqualTo(Order.MOST_LIKED);
    }
}
