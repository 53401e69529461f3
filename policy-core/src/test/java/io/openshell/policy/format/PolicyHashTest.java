package io.openshell.policy.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyHashTest {

  @Test
  void hashIsSha256HexOfTheUtf8BytesWithAnAlgorithmPrefix() {
    // FIPS 180-2 test vector for "abc".
    assertThat(PolicyHash.of("abc"))
        .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hashOfTheEmptyTextIsTheEmptyDigest() {
    assertThat(PolicyHash.of(""))
        .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void hashUsesUtf8ForNonAsciiText() {
    // "é" is C3 A9 in UTF-8 (E9 in Latin-1): the SHA-256 of exactly those two bytes.
    assertThat(PolicyHash.of("\u00e9"))
        .isEqualTo("sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
  }
}
