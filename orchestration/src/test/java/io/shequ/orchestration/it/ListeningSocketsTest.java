package io.shequ.orchestration.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void readsAddressesAsProcWritesThem() {
        assertThat(ListeningSockets.listener("0100007F:1F90"))
                .hasToString("127.0.0.1:8080")
                .matches(ListeningSockets.Listener::loopback);
        assertThat(ListeningSockets.listener("00000000:0016").loopback())
                .as("0.0.0.0, every interface")
                .isFalse();
        assertThat(ListeningSockets.listener("0A00020F:0016").loopback())
                .as("10.2.0.15")
                .isFalse();
        assertThat(ListeningSockets.listener("0000000000000000FFFF00000100007F:0050")
                        .loopback())
                .as("::ffff:127.0.0.1")
                .isTrue();
        assertThat(ListeningSockets.listener("00000000000000000000000001000000:0050")
                        .loopback())
                .as("::1")
                .isTrue();
        assertThat(ListeningSockets.listener("00000000000000000000000000000000:0050")
                        .loopback())
                .as("::, every interface")
                .isFalse();
    }

    @Test
    void findsWhereThisProcessListens() throws Exception {
        try (ServerSocket loopback = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
                ServerSocket everywhere = new ServerSocket()) {
            everywhere.bind(new InetSocketAddress(0));
            var listeners = ListeningSockets.of(ProcessHandle.current().pid());
            assertThat(listeners).anyMatch(l -> l.port() == loopback.getLocalPort() && l.loopback());
            assertThat(listeners).anyMatch(l -> l.port() == everywhere.getLocalPort() && !l.loopback());
            assertThat(ListeningSockets.exposed(listeners)).contains(":" + everywhere.getLocalPort());
        }
    }
}
