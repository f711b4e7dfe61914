package org.openplaza.portal.errors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one global error handler: logs what went wrong and shows the user a short message, never a
 * stack trace or SQL. A refused service call (method security) gets its own message.
 */
@Component
class ErrorHandlingInitListener implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlingInitListener.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(session -> session.getSession().setErrorHandler(error -> {
                    Throwable cause = rootOf(error.getThrowable());
                    boolean denied = cause instanceof AccessDeniedException;
                    if (denied) {
                        log.warn("Refused: {}", cause.getMessage());
                    } else {
                        log.error("Unexpected error", error.getThrowable());
                    }
                    UI ui = UI.getCurrent();
                    if (ui != null) {
                        String key = denied ? "error.denied-action" : "error.generic";
                        Notification notification = Notification.show(ui.getTranslation(key));
                        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                        notification.setId("error-notification");
                    }
                }));
    }

    private static Throwable rootOf(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof AccessDeniedException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }
}
