package io.openshell.plugin.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.security.KeyStore;
import java.util.Properties;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** A plain-HTTP server gets an empty trust store; nothing else changes. */
class PlainHttpTrustTest {

  private static Config server(String url) {
    return new ConfigBuilder().withMasterUrl(url).build();
  }

  @Test
  void aPlainHttpServerGetsAnEmptyTrustStore() {
    Properties system = new Properties();
    assertThat(PlainHttpTrust.apply(server("http://127.0.0.1:18080"), system)).isTrue();
    assertThat(system.getProperty("javax.net.ssl.trustStore")).isEqualTo("NONE");
  }

  @Test
  void anHttpsServerKeepsTheDefaultTrustStore() {
    Properties system = new Properties();
    assertThat(PlainHttpTrust.apply(server("https://10.0.0.1:6443"), system)).isFalse();
    assertThat(system).isEmpty();
  }

  @Test
  void aTrustStoreTheUserChoseIsLeftAlone() {
    Properties system = new Properties();
    system.setProperty("javax.net.ssl.trustStore", "/etc/pki/mine.p12");
    assertThat(PlainHttpTrust.apply(server("http://127.0.0.1:18080"), system)).isFalse();
    assertThat(system.getProperty("javax.net.ssl.trustStore")).isEqualTo("/etc/pki/mine.p12");
  }

  @Test
  void theJdkReadsNoneAsATrustStoreThatTrustsNothing() throws Exception {
    String before = System.getProperty("javax.net.ssl.trustStore");
    assertThat(before).as("the test JVM must not have a trust store set").isNull();
    try {
      assertThat(PlainHttpTrust.apply(server("http://127.0.0.1:18080"), System.getProperties()))
          .isTrue();
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init((KeyStore) null);
      X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
      assertThat(tm.getAcceptedIssuers()).isEmpty();
    } finally {
      System.clearProperty("javax.net.ssl.trustStore");
    }
  }
}
