package io.openshell.policy.model;

/**
 * A co-minted refresh output bound to another credential of the profile.
 *
 * @param output strategy output id (aws: {@code secret_access_key}, {@code session_token})
 * @param credential name of the credential that receives it
 */
public record AdditionalOutput(String output, String credential) {
  public AdditionalOutput {
    output = Checks.str(output, "output");
    credential = Checks.str(credential, "credential");
  }
}
