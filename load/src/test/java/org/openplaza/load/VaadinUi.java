package org.openplaza.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Vaadin's own requests, as its client in the browser sends them: the page, the request that makes
 * the UI ({@code v-r=init}), the {@code ui-navigate} event that builds the view on the server,
 * then clicks and values sent as UIDL messages ({@code v-r=uidl}) with the security key, the
 * server's sync id and the client's message id. The server's answers are read for the node of each
 * element with an {@code id}, so that a click reaches the button a user would press.
 */
final class VaadinUi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VaadinUi() {}

    /**
     * Opens a route as a browser does and builds its view; fails unless the answer holds an element
     * with the expected id. The route may hold Gatling's {@code #{name}} of a session attribute.
     */
    static ChainBuilder open(String name, String route, String expectedId) {
        return exec(
                        http("page: " + name).get("/" + route),
                        http("Vaadin init: " + name)
                                .get("/?v-r=init&location=" + route.replace("/", "%2F") + "&query=")
                                .check(status().is(200), bodyString().saveAs("vaadin")))
                .exec(VaadinUi::init)
                .exec(message(
                        "Vaadin navigate: " + name,
                        session -> navigate(session, resolve(session, route)),
                        "\"" + expectedId + "\""));
    }

    /** A click on the element with this id; fails unless the answer names the expected id. */
    static ChainBuilder click(String name, String id, String expectedId) {
        return exec(message(name, session -> rpc(session, click(session, id)), "\"" + expectedId + "\""));
    }

    /** The value of a field with this id, as the field sends it when the user changes it. */
    static ChainBuilder value(String name, String id, String value) {
        return exec(message(name, session -> rpc(session, sync(session, id, resolve(session, value))), "\"syncId\""));
    }

    /** Whether the last view holds an element with this id. */
    static boolean has(Session session, String id) {
        return ids(session).containsKey(id);
    }

    private static ChainBuilder message(String name, Function<Session, String> body, String expected) {
        return exec(http(name)
                        .post("/?v-r=uidl&v-uiId=#{vaadinUi}")
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody(body::apply))
                        .check(
                                status().is(200),
                                substring(expected),
                                bodyString().saveAs("vaadin")))
                .exec(VaadinUi::answer);
    }

    private static String resolve(Session session, String route) {
        StringBuilder resolved = new StringBuilder();
        int at = 0;
        while (true) {
            int start = route.indexOf("#{", at);
            if (start < 0) {
                return resolved.append(route.substring(at)).toString();
            }
            int end = route.indexOf('}', start);
            resolved.append(route, at, start).append(session.getString(route.substring(start + 2, end)));
            at = end + 1;
        }
    }

    /** Reads the answer to {@code v-r=init}: the UI's id, the security key, the first sync id. */
    private static Session init(Session session) {
        try {
            JsonNode config = JSON.readTree(session.getString("vaadin")).get("appConfig");
            JsonNode uidl = config.get("uidl");
            Map<String, Integer> ids = new HashMap<>();
            read(uidl, ids);
            return session.set("vaadinUi", config.get("v-uiId").asInt())
                    .set("vaadinKey", uidl.get("Vaadin-Security-Key").asText())
                    .set("vaadinSync", uidl.get("syncId").asInt())
                    .set("vaadinClient", 0)
                    .set("vaadinIds", ids);
        } catch (Exception e) {
            return session.markAsFailed();
        }
    }

    /** Reads the answer to a message: the next sync id and the elements it made. */
    private static Session answer(Session session) {
        try {
            String body = session.getString("vaadin");
            if (body.startsWith("for(;;);")) {
                body = body.substring("for(;;);".length());
            }
            JsonNode uidl = JSON.readTree(body);
            if (uidl.isArray()) {
                uidl = uidl.get(0);
            }
            Map<String, Integer> ids = new HashMap<>(ids(session));
            read(uidl, ids);
            return session.set("vaadinSync", uidl.path("syncId").asInt(session.getInt("vaadinSync")))
                    .set("vaadinClient", session.getInt("vaadinClient") + 1)
                    .set("vaadinIds", ids);
        } catch (Exception e) {
            return session.markAsFailed();
        }
    }

    private static void read(JsonNode uidl, Map<String, Integer> ids) {
        for (JsonNode change : uidl.path("changes")) {
            if ("id".equals(change.path("key").asText()) && change.path("value").isTextual()) {
                ids.put(change.get("value").asText(), change.get("node").asInt());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> ids(Session session) {
        Map<String, Integer> ids = (Map<String, Integer>) session.get("vaadinIds");
        return ids == null ? Map.of() : ids;
    }

    private static String navigate(Session session, String route) {
        return navigation(
                session.getString("vaadinKey"), session.getInt("vaadinSync"), session.getInt("vaadinClient"), route);
    }

    /** The message that builds a route's view in a UI just made, as the client's router sends it. */
    static String navigation(String key, int syncId, int clientId, String route) {
        ObjectNode data = JSON.createObjectNode()
                .put("route", route)
                .put("query", "")
                .put("appShellTitle", "")
                .put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        ObjectNode event =
                JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        event.set("data", data);
        return message(key, syncId, clientId, event);
    }

    private static ObjectNode click(Session session, String id) {
        ObjectNode data = JSON.createObjectNode();
        for (String flag : new String[] {"shiftKey", "metaKey", "ctrlKey", "altKey"}) {
            data.put("event." + flag, false);
        }
        for (String number : new String[] {"detail", "clientX", "clientY", "screenX", "screenY", "button"}) {
            data.put("event." + number, number.equals("detail") ? 1 : 0);
        }
        ObjectNode event = JSON.createObjectNode()
                .put("type", "event")
                .put("node", node(session, id))
                .put("event", "click");
        event.set("data", data);
        return event;
    }

    private static ObjectNode sync(Session session, String id, String value) {
        return JSON.createObjectNode()
                .put("type", "mSync")
                .put("node", node(session, id))
                .put("feature", 1)
                .put("property", "value")
                .put("value", value);
    }

    private static int node(Session session, String id) {
        Integer node = ids(session).get(id);
        if (node == null) {
            throw new IllegalStateException("no element " + id + " in the view");
        }
        return node;
    }

    private static String rpc(Session session, ObjectNode call) {
        return message(
                session.getString("vaadinKey"), session.getInt("vaadinSync"), session.getInt("vaadinClient"), call);
    }

    /** One message with one call, numbered as the client numbers its messages. */
    private static String message(String key, int syncId, int clientId, ObjectNode call) {
        ObjectNode message = JSON.createObjectNode().put("csrfToken", key);
        ArrayNode rpc = message.putArray("rpc");
        rpc.add(call);
        message.put("syncId", syncId);
        message.put("clientId", clientId);
        return message.toString();
    }
}
