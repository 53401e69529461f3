package io.openshell.agent;

/** Tells the cluster which policy hash this pod enforces. */
interface AppliedHashReporter {
  /** Reports {@code hash} eventually; returns at once, retrying in the background on failure. */
  void report(String hash);
}
