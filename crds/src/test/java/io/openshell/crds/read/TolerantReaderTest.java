package io.openshell.crds.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.v1alpha1.OpenShellSettings;
import io.openshell.crds.v1alpha1.Provider;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.crds.v1alpha1.Sandbox;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TolerantReaderTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private static Sandbox sandbox(String spec) {
    return JSON.unmarshal(
        "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"Sandbox\","
            + "\"metadata\":{\"name\":\"s\",\"namespace\":\"n\"},\"spec\":"
            + spec
            + "}",
        Sandbox.class);
  }

  @Test
  void aBadPodTemplateIsAProblemOnThatFieldAndTheRestIsRead() {
    Sandbox s =
        sandbox(
            "{\"providers\":[\"p\"],\"policy\":{\"version\":1},"
                + "\"podTemplate\":{\"spec\":{\"containers\":\"oops\"}}}");
    assertThat(s.getSpec().getProviders()).containsExactly("p");
    assertThat(s.getSpec().getPolicy().getVersion()).isEqualTo(1L);
    assertThat(s.getSpec().getPodTemplate()).isNull();
    assertThat(s.getSpec().getReadProblems())
        .containsExactly(
            new ReadProblem("spec.podTemplate.spec.containers", "must be a list, not a string"));
  }

  @Test
  void aStringWhereAnIntegerBelongsNamesTheFieldAndTheExpectedType() {
    Sandbox s = sandbox("{\"policy\":{\"version\":\"abc\"}}");
    assertThat(s.getSpec().readProblemsText())
        .isEqualTo("spec.policy.version must be an integer, not a string");
  }

  @Test
  void unknownFieldsAreIgnoredLikeKubernetesClientsDo() {
    Sandbox s =
        sandbox(
            "{\"policy\":{\"version\":1,\"networkPolicies\":{\"r\":{\"endpoints\":"
                + "[{\"host\":\"a.example.com\",\"port\":443,\"hostt\":\"x\"}]}}},\"future\":1}");
    assertThat(s.getSpec().isReadable()).isTrue();
    assertThat(s.getSpec().getPolicy().getNetworkPolicies().get("r").getEndpoints()).hasSize(1);
  }

  @Test
  void aSpecThatIsNotAnObjectIsOneProblemAndAnEmptySpec() {
    Sandbox s = sandbox("\"not-a-spec\"");
    assertThat(s.getSpec().getReadProblems())
        .containsExactly(new ReadProblem("spec", "must be an object, not a string"));
    assertThat(s.getSpec().getProviders()).isNull();
  }

  @Test
  void oneUnreadableObjectDoesNotFailTheList() {
    String json =
        "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"SandboxList\",\"items\":["
            + "{\"metadata\":{\"name\":\"bad\"},\"spec\":{\"providers\":\"p\"}},"
            + "{\"metadata\":{\"name\":\"good\"},\"spec\":{\"providers\":[\"p\"]}}]}";
    DefaultKubernetesResourceList<Sandbox> list =
        JSON.unmarshal(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            new TypeReference<DefaultKubernetesResourceList<Sandbox>>() {});
    assertThat(list.getItems()).hasSize(2);
    assertThat(list.getItems().get(0).getSpec().readProblemsText())
        .isEqualTo("spec.providers must be a list, not a string");
    assertThat(list.getItems().get(1).getSpec().isReadable()).isTrue();
  }

  @Test
  void everyKindReadsTolerantly() {
    Provider p =
        JSON.unmarshal(
            "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"Provider\","
                + "\"metadata\":{\"name\":\"p\"},\"spec\":{\"type\":{\"a\":1}}}",
            Provider.class);
    assertThat(p.getSpec().readProblemsText())
        .isEqualTo("spec.type must be a string, not an object");
    ProviderProfile pp =
        JSON.unmarshal(
            "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"ProviderProfile\","
                + "\"metadata\":{\"name\":\"x\"},\"spec\":{\"endpoints\":\"not-a-list\"}}",
            ProviderProfile.class);
    assertThat(pp.getSpec().readProblemsText())
        .isEqualTo("spec.endpoints must be a list, not a string");
    OpenShellSettings st =
        JSON.unmarshal(
            "{\"apiVersion\":\"openshell.io/v1alpha1\",\"kind\":\"OpenShellSettings\","
                + "\"metadata\":{\"name\":\"cluster\"},\"spec\":{\"providersV2Enabled\":\"maybe\"},"
                + "\"status\":{\"conditions\":\"garbage\",\"observedGeneration\":3}}",
            OpenShellSettings.class);
    assertThat(st.getSpec().readProblemsText())
        .isEqualTo("spec.providersV2Enabled must be true or false, not a string");
    assertThat(st.getStatus().getObservedGeneration()).isEqualTo(3L);
  }
}
