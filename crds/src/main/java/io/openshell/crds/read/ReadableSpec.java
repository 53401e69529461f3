package io.openshell.crds.read;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * Base of every kind's spec: the values of the stored object that could not be read (see {@link
 * TolerantReader}). Empty for a spec that was read completely or built in code. Never serialized.
 */
public abstract class ReadableSpec {
  @JsonIgnore private List<ReadProblem> readProblems = List.of();

  /** What could not be read; those fields are left unset in this spec. */
  @JsonIgnore
  public List<ReadProblem> getReadProblems() {
    return readProblems;
  }

  @JsonIgnore
  public void setReadProblems(List<ReadProblem> readProblems) {
    this.readProblems = List.copyOf(readProblems);
  }

  /** True when every stored value was read. */
  @JsonIgnore
  public boolean isReadable() {
    return readProblems.isEmpty();
  }

  /** The problems as one text: {@code path message; path message}. */
  public String readProblemsText() {
    return String.join("; ", readProblems.stream().map(ReadProblem::text).toList());
  }
}
