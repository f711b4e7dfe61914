package org.openplaza.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openplaza.portal.testdata.RunningPortal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * A portal started without choosing a profile runs the demo, whose passwords are public; so it
 * listens on the loopback address only and cannot be reached from the network.
 */
@RunningPortal
class DemoProfileIT {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void a_portal_started_without_a_profile_is_the_demo_and_listens_on_loopback_only() throws Exception {
        assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(context.getEnvironment().getDefaultProfiles()).containsExactly("demo");
        Object address = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getConnector()
                .getProperty("address");
        assertThat(address)
                .isInstanceOfSatisfying(
                        InetAddress.class,
                        a -> assertThat(a.isLoopbackAddress()).isTrue());
        for (InetAddress outside : networkAddresses()) {
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(outside, port), 2000);
                        }
                    })
                    .as("reached through %s", outside)
                    .isInstanceOf(IOException.class);
        }
    }

    /** This machine's addresses other than loopback (IPv4), through which a neighbour would come. */
    private static List<InetAddress> networkAddresses() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
    }
}
