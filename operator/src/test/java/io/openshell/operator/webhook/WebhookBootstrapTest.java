package io.openshell.operator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookBootstrapTest {

  @Test
  void webhookIsOffUnlessEnabled() throws Exception {
    assertThat(WebhookBootstrap.start(Map.of(), null, Clock.systemUTC())).isEmpty();
  }

  @Test
  void operatorIdentityDefaultsToTheServiceAccountOfItsNamespace() {
    assertThat(
            WebhookBootstrap.username(
                Map.of(
                    "POD_NAMESPACE", "ops", "OPENSHELL_SERVICE_ACCOUNT", "oso-openshell-operator")))
        .isEqualTo("system:serviceaccount:ops:oso-openshell-operator");
  }

  @Test
  void anExplicitOperatorIdentityWins() {
    assertThat(WebhookBootstrap.username(Map.of("OPENSHELL_OPERATOR_USERNAME", "me")))
        .isEqualTo("me");
  }
}
