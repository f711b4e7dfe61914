package org.openplaza.portal.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.openplaza.accounts.AccountException;
import org.openplaza.accounts.ApiToken;
import org.openplaza.accounts.ApiTokenService;
import org.openplaza.portal.layout.Formats;

/** An official's personal API tokens: create (the secret is shown once), see when each was last used, revoke. */
class TokensPanel extends VerticalLayout {

    final TextField name = new TextField();
    final Button create = new Button();
    final Paragraph secret = new Paragraph();
    final Grid<ApiToken> grid = new Grid<>();

    private final ApiTokenService tokens;

    TokensPanel(ApiTokenService tokens) {
        this.tokens = tokens;
        setPadding(false);
        name.setId("token-name");
        name.setLabel(getTranslation("token.name"));
        create.setId("token-create");
        create.setText(getTranslation("token.create"));
        create.addClickListener(e -> create());
        HorizontalLayout creating = new HorizontalLayout(name, create);
        creating.setAlignItems(FlexComponent.Alignment.BASELINE);
        secret.setId("token-secret");
        secret.addClassName("notice");
        secret.setVisible(false);
        grid.setId("tokens-grid");
        grid.addColumn(ApiToken::name).setHeader(getTranslation("token.name"));
        grid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("token.prefix"));
        grid.addColumn(t -> Formats.dateTime(t.createdAt(), getLocale())).setHeader(getTranslation("token.created"));
        grid.addColumn(t -> t.lastUsedAt() == null
                        ? getTranslation("token.never")
                        : Formats.dateTime(t.lastUsedAt(), getLocale()))
                .setHeader(getTranslation("token.last-used"));
        grid.addComponentColumn(t -> {
                    if (t.revoked()) {
                        return new Paragraph(getTranslation("token.revoked"));
                    }
                    Button revoke = new Button(getTranslation("token.revoke"), e -> revoke(t));
                    revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    return revoke;
                })
                .setHeader(getTranslation("token.status"))
                .setKey("status");
        grid.setAllRowsVisible(true);
        add(
                new H2(getTranslation("token.title")),
                new Paragraph(getTranslation("token.intro")),
                creating,
                secret,
                grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }

    private void create() {
        try {
            ApiToken.Created created = tokens.create(name.getValue());
            name.clear();
            name.setInvalid(false);
            secret.setText(getTranslation("token.shown-once", created.secret()));
            secret.setVisible(true);
            refresh();
        } catch (AccountException e) {
            name.setErrorMessage(getTranslation(e.messageKey()));
            name.setInvalid(true);
        }
    }

    private void revoke(ApiToken token) {
        tokens.revoke(token.id());
        refresh();
    }
}
