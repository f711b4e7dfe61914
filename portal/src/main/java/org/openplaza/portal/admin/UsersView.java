package org.openplaza.portal.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.openplaza.accounts.Account;
import org.openplaza.accounts.AccountService;
import org.openplaza.portal.layout.SearchField;
import org.openplaza.portal.layout.Titles;

/** Administrators list and search accounts; a click opens the account to change roles and status. */
@Route("admin/users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<Account> grid = new Grid<>();

    private final AccountService accounts;
    private final ConfigurableFilterDataProvider<Account, Void, String> data;

    private final org.openplaza.portal.security.RecentSignIn recentSignIn;
    private final org.openplaza.accounts.SecondFactors secondFactors;

    public UsersView(
            AccountService accounts,
            org.openplaza.portal.security.RecentSignIn recentSignIn,
            org.openplaza.accounts.SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.recentSignIn = recentSignIn;
        setSizeFull();
        SearchField.create(search, "users-search", "admin.users.search");
        data = DataProvider.<Account, String>fromFilteringCallbacks(
                        q -> accounts.search(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                        q -> accounts.count(q.getFilter().orElse("")))
                .withConfigurableFilter();
        search.addValueChangeListener(e -> data.setFilter(e.getValue()));
        configureGrid();
        add(new H1(getTranslation("admin.users.title")), search, grid);
    }

    private void configureGrid() {
        grid.setId("users-grid");
        grid.addColumn(Account::username)
                .setHeader(getTranslation("account.username"))
                .setAutoWidth(true);
        grid.addColumn(Account::displayName).setHeader(getTranslation("account.display-name"));
        grid.addColumn(Account::email).setHeader(getTranslation("account.email"));
        grid.addColumn(a -> a.roles().stream()
                        .sorted()
                        .map(r -> getTranslation("role." + r.name()))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("account.roles"));
        grid.addColumn(a -> getTranslation(a.verifiedResident() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("admin.users.verified"));
        grid.addColumn(a -> getTranslation(a.enabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("admin.users.enabled"));
        grid.setItems(data);
        grid.addItemClickListener(
                e -> new UserDialog(accounts, e.getItem(), data::refreshAll, recentSignIn, secondFactors).open());
    }

    @Override
    public String getPageTitle() {
        return Titles.of(this, "admin.users.title");
    }
}
