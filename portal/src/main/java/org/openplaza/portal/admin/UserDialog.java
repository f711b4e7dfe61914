package org.openplaza.portal.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Set;
import org.openplaza.accounts.Account;
import org.openplaza.accounts.AccountException;
import org.openplaza.accounts.AccountService;
import org.openplaza.accounts.Role;
import org.openplaza.accounts.SecondFactors;

/**
 * One account, opened by an administrator: roles, verified residency with the district and date
 * of birth checked on the citizen's documents (votes may depend on them), enabled.
 */
class UserDialog extends Dialog {

    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Checkbox verified = new Checkbox();
    final Checkbox enabled = new Checkbox();
    final TextField district = new TextField();
    final DatePicker birthDate = new DatePicker();
    final Button save = new Button();

    private final AccountService accounts;
    private final Account account;
    private final Runnable onSaved;

    private final org.openplaza.portal.security.RecentSignIn recentSignIn;

    UserDialog(
            AccountService accounts,
            Account account,
            Runnable onSaved,
            org.openplaza.portal.security.RecentSignIn recentSignIn,
            SecondFactors secondFactors) {
        this.recentSignIn = recentSignIn;
        this.accounts = accounts;
        this.account = account;
        this.onSaved = onSaved;
        setId("user-dialog");
        setHeaderTitle(getTranslation("admin.user.title", account.username()));
        fields();
        VerticalLayout body = new VerticalLayout(
                new Paragraph(account.displayName() + " · " + account.email()),
                roles,
                verified,
                district,
                birthDate,
                enabled);
        body.setPadding(false);
        if (secondFactors.isEnrolled(account.id())) {
            body.add(new Paragraph(getTranslation("admin.user.second-factor-on")), resetSecondFactor(secondFactors));
        }
        add(body);
        save.setId("user-save");
        save.setText(getTranslation("common.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // changing someone's roles or access is binding: an old sign-in proves the password first
        save.addClickListener(e ->
                org.openplaza.portal.security.PasswordCheck.thenRun(recentSignIn, "reauth.why.binding", this::save));
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("user-cancel");
        getFooter().add(cancel, save);
    }

    /** The account's roles, residence, district, birth date and access, as they are. */
    private void fields() {
        roles.setId("user-roles");
        roles.setLabel(getTranslation("account.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        roles.setValue(account.roles());
        verified.setId("user-verified");
        verified.setLabel(getTranslation("admin.user.verified"));
        verified.setValue(account.verifiedResident());
        district.setId("user-district");
        district.setLabel(getTranslation("admin.user.district"));
        district.setHelperText(getTranslation("admin.user.district.help"));
        district.setMaxLength(80);
        district.setValue(account.district() == null ? "" : account.district());
        org.openplaza.portal.layout.Pickers.localised(birthDate);
        birthDate.setId("user-birth-date");
        birthDate.setLabel(getTranslation("admin.user.birth-date"));
        birthDate.setValue(account.birthDate());
        birthDate.setMax(java.time.LocalDate.now());
        enabled.setId("user-enabled");
        enabled.setLabel(getTranslation("admin.user.enabled"));
        enabled.setValue(account.enabled());
    }

    private Button resetSecondFactor(SecondFactors secondFactors) {
        // for someone who lost both their phone and their recovery codes, once it is clear who they are
        Button reset = new Button(getTranslation("admin.user.reset-second-factor"));
        reset.setId("user-reset-second-factor");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        reset.addClickListener(e ->
                org.openplaza.portal.security.PasswordCheck.thenRun(recentSignIn, "reauth.why.binding", () -> {
                    secondFactors.reset(account.id());
                    reset.setVisible(false);
                    Notification.show(getTranslation("admin.user.second-factor-reset"))
                            .setId("user-second-factor-reset");
                }));
        return reset;
    }

    private void save() {
        try {
            Set<Role> chosen = roles.getValue().isEmpty() ? Set.of() : EnumSet.copyOf(roles.getValue());
            if (!chosen.equals(account.roles())) {
                accounts.changeRoles(account.id(), chosen);
            }
            if (verified.getValue() != account.verifiedResident()) {
                accounts.setVerifiedResident(account.id(), verified.getValue());
            }
            String place =
                    district.getValue().isBlank() ? null : district.getValue().strip();
            if (!java.util.Objects.equals(place, account.district())
                    || !java.util.Objects.equals(birthDate.getValue(), account.birthDate())) {
                accounts.setResidence(account.id(), place, birthDate.getValue());
            }
            if (enabled.getValue() != account.enabled()) {
                accounts.setEnabled(account.id(), enabled.getValue());
            }
        } catch (AccountException e) {
            Notification error = Notification.show(getTranslation(e.messageKey()));
            error.addThemeVariants(NotificationVariant.LUMO_ERROR);
            error.setId("user-error");
            return;
        }
        Notification.show(getTranslation("admin.user.saved")).setId("user-saved");
        onSaved.run();
        close();
    }
}
