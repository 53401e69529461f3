package io.openshell.plugin.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.MalformedInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** fabric8's generic texts are replaced by the cause, without credentials or class names. */
class ClientErrorsTest {
  private static final Optional<String> SERVER = Optional.of("https://admin:s3cret@10.0.0.1:6443");

  private static KubernetesClientException generic(Throwable cause) {
    return new KubernetesClientException("An error has occurred.", cause);
  }

  @Test
  void aRefusedConnectionNamesTheServerWithoutItsUserInfo() {
    String text =
        ClientErrors.describe(generic(new ConnectException("Connection refused")), SERVER);
    assertThat(text)
        .startsWith("connection refused to https://10.0.0.1:6443")
        .doesNotContain("s3cret");
  }

  @Test
  void aConnectTimeoutSaysTimedOut() {
    assertThat(ClientErrors.describe(generic(new HttpConnectTimeoutException("x")), SERVER))
        .startsWith("connection timed out to https://10.0.0.1:6443");
  }

  @Test
  void aForbiddenAnswerSaysForbiddenWithTheServersReason() {
    KubernetesClientException e =
        new KubernetesClientException(
            new StatusBuilder()
                .withCode(403)
                .withMessage(
                    "sandboxes.openshell.io \"box\" is forbidden: User \"dev\" cannot get resource")
                .build());
    assertThat(ClientErrors.describe(e, SERVER))
        .isEqualTo(
            "forbidden: sandboxes.openshell.io \"box\" is forbidden: User \"dev\" cannot get"
                + " resource");
  }

  @Test
  void aNotFoundAnswerSaysNotFound() {
    KubernetesClientException e =
        new KubernetesClientException(
            new StatusBuilder().withCode(404).withMessage("gone").build());
    assertThat(ClientErrors.describe(e, SERVER)).isEqualTo("not found: gone");
  }

  @Test
  void aGenericWrapperGivesWayToTheUsefulCause() {
    Exception e =
        new KubernetesClientException(
            "Operation: [get]  for kind: [Sandbox]  with name: [x]  in namespace: [d]  failed.",
            new IllegalStateException(
                "java.lang.IllegalArgumentException: Name must be provided."));
    assertThat(ClientErrors.describe(e, Optional.empty())).isEqualTo("Name must be provided.");
  }

  @Test
  void aFileThatIsNotUtf8SaysSo() {
    Exception e = new RuntimeException("wrapper", new MalformedInputException(1));
    assertThat(ClientErrors.describe(e, Optional.empty())).isEqualTo("the file is not UTF-8 text");
  }
}
