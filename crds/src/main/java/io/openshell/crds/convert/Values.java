package io.openshell.crds.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two defaulting conventions meeting in the converter: policy-core has no nulls ({@code ""},
 * {@code 0}, {@code false}, empty collections), CRs omit what is unset ({@code null}), so that a
 * converted CR shows only what its author wrote.
 */
final class Values {
  private Values() {}

  static String str(String v) {
    return v == null ? "" : v;
  }

  static String opt(String v) {
    return v == null || v.isEmpty() ? null : v;
  }

  static boolean bool(Boolean v) {
    return Boolean.TRUE.equals(v);
  }

  static Boolean opt(boolean v) {
    return v ? Boolean.TRUE : null;
  }

  static long num(Long v) {
    return v == null ? 0 : v;
  }

  static int num(Integer v) {
    return v == null ? 0 : v;
  }

  static Long opt(long v) {
    return v == 0 ? null : v;
  }

  static Integer opt(int v) {
    return v == 0 ? null : v;
  }

  static <T> List<T> list(List<T> v) {
    return v == null ? List.of() : v;
  }

  static <T> List<T> opt(List<T> v) {
    return v == null || v.isEmpty() ? null : new ArrayList<>(v);
  }

  static <A, B> List<B> mapList(List<A> v, Function<A, B> f) {
    List<B> out = new ArrayList<>();
    list(v).forEach(a -> out.add(f.apply(a)));
    return out;
  }

  static <A, B> List<B> optMapList(List<A> v, Function<A, B> f) {
    return v == null || v.isEmpty() ? null : mapList(v, f);
  }

  static <A, B> Map<String, B> mapValues(Map<String, A> v, Function<A, B> f) {
    Map<String, B> out = new LinkedHashMap<>();
    if (v != null) {
      v.forEach((k, a) -> out.put(k, f.apply(a)));
    }
    return out;
  }

  static <A, B> Map<String, B> optMapValues(Map<String, A> v, Function<A, B> f) {
    return v == null || v.isEmpty() ? null : mapValues(v, f);
  }
}
