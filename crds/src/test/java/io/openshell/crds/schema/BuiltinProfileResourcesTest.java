package io.openshell.crds.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.openshell.crds.convert.ProfileConverter;
import io.openshell.crds.v1alpha1.ProviderProfile;
import io.openshell.policy.catalog.BuiltinProfiles;
import io.openshell.policy.catalog.CatalogEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CRs the operator creates for OpenShell's built-ins are accepted by the generated CRD. */
class BuiltinProfileResourcesTest {

  @Test
  void everyBuiltinProfileResourcePassesTheCrdSchemaAndCelRules() {
    KubernetesSerialization serialization = new KubernetesSerialization();
    CrdValidator validator = CrdValidator.of("ProviderProfile");
    for (CatalogEntry entry : BuiltinProfiles.all()) {
      ProviderProfile cr = ProfileConverter.toResource(entry.profile()).value();
      cr.getMetadata().setLabels(Map.of(ProviderProfile.SOURCE_LABEL, "builtin"));
      JsonNode json = serialization.convertValue(cr, JsonNode.class);
      assertThat(validator.validate(json)).as(entry.id()).isEmpty();
    }
  }
}
