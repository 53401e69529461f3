package io.openshell.operator.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTlsTest {

  @Test
  void pkcs1RsaKeysAsWrittenByHelmAreAccepted() throws Exception {
    assertThat(PemTls.privateKey(resource("tls.key")).getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void pkcs8KeysAreAccepted() throws Exception {
    assertThat(PemTls.privateKey(resource("key-pkcs8.pem")).getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void aKeyFileWithoutPemIsRefused() {
    assertThatThrownBy(() -> PemTls.privateKey("not a key"))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessage("tls.key holds no PEM block");
  }

  @Test
  void webhookServesAdmissionReviewsOverTlsWithTheMountedCertificate(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("tls.crt"), resource("tls.crt"));
    Files.writeString(dir.resolve("tls.key"), resource("tls.key"));
    AdmissionReviewHandler handler =
        new AdmissionReviewHandler(new AdmissionValidator(new InMemoryLookups(), null, "operator"));

    try (WebhookServer server =
        WebhookServer.start(0, Optional.of(PemTls.fromDirectory(dir)), handler)) {
      HttpResponse<String> response =
          client()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://127.0.0.1:" + server.port() + "/validate/other"))
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"u\","
                                  + "\"resource\":{\"resource\":\"other\"},\"operation\":\"CREATE\"}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"allowed\":true");
    }
  }

  private static HttpClient client() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "webhook",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new java.io.ByteArrayInputStream(
                    resource("tls.crt").getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ctx).build();
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = PemTlsTest.class.getResourceAsStream("/webhook/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
