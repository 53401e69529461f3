package io.openshell.operator.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@code admission.k8s.io/v1} AdmissionReview request body into the response body. A
 * failure inside a check denies (fail closed) with the error text; it never allows by accident.
 */
public final class AdmissionReviewHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AdmissionReviewHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdmissionValidator validator;

  public AdmissionReviewHandler(AdmissionValidator validator) {
    this.validator = validator;
  }

  /** The AdmissionReview response for {@code body}. */
  public String handle(String body) throws IOException {
    JsonNode review = JSON.readTree(body);
    JsonNode request = review.path("request");
    String uid = request.path("uid").asText();
    AdmissionDecision decision;
    try {
      decision = validator.review(view(request));
    } catch (RuntimeException e) {
      LOG.warn(
          "admission check failed kind={} name={} error={}",
          request.at("/resource/resource").asText(),
          request.path("name").asText(),
          e.toString());
      decision =
          new AdmissionDecision(
              false, "admission check failed: " + e.getMessage(), java.util.List.of());
    }
    LOG.info(
        "admission resource={} operation={} namespace={} name={} allowed={}",
        request.at("/resource/resource").asText(),
        request.path("operation").asText(),
        request.path("namespace").asText(),
        request.path("name").asText(),
        decision.allowed());
    return JSON.writeValueAsString(response(review, uid, decision));
  }

  static AdmissionRequestView view(JsonNode request) {
    return new AdmissionRequestView(
        request.at("/resource/resource").asText(),
        request.path("operation").asText(),
        request.path("namespace").asText(""),
        request.path("name").asText(""),
        request.at("/userInfo/username").asText(""),
        object(request.path("object")),
        object(request.path("oldObject")));
  }

  private static Optional<Object> object(JsonNode node) {
    return node.isObject() ? Optional.of(JSON.convertValue(node, Object.class)) : Optional.empty();
  }

  private static ObjectNode response(JsonNode review, String uid, AdmissionDecision decision) {
    ObjectNode out = JSON.createObjectNode();
    out.put("apiVersion", review.path("apiVersion").asText("admission.k8s.io/v1"));
    out.put("kind", "AdmissionReview");
    ObjectNode response = out.putObject("response");
    response.put("uid", uid);
    response.put("allowed", decision.allowed());
    if (!decision.allowed()) {
      ObjectNode status = response.putObject("status");
      status.put("code", 403);
      status.put("reason", "Forbidden");
      status.put("message", decision.message());
    }
    if (!decision.warnings().isEmpty()) {
      ArrayNode warnings = response.putArray("warnings");
      decision.warnings().forEach(warnings::add);
    }
    return out;
  }
}
