package cn.yishi.proposal;

/**
 * A diagram asked for a status that CONTRACT §4 does not know (a typo in a listener expression):
 * the step fails rather than publishing a status the public API cannot explain.
 */
public class UnknownProposalStatusException extends IllegalArgumentException {

  public UnknownProposalStatusException(String message) {
    super(message);
  }
}
