package cn.yishi.audit;

import java.util.Set;

/**
 * Who is reading the audit trail, and which proposals they may read: auditors (and administrators)
 * read every community's; a community's supervisors (居务监督委员会, groups {@code
 * <community>.supervisor}) only their own communities'. Set by the audit authentication (HTTP Basic
 * or the audit page's session) as the request attribute {@value #ATTRIBUTE}.
 *
 * @param userId the reader's Camunda user id
 * @param name the reader's display name
 * @param readsAll true for auditors and administrators
 * @param communities unit codes of the communities a supervisor may read (empty when readsAll)
 */
public record AuditReader(String userId, String name, boolean readsAll, Set<String> communities) {

  public static final String ATTRIBUTE = "yishi.audit.reader";

  public AuditReader {
    communities = Set.copyOf(communities);
  }

  /** True if this reader may read the proposals of the given community (unit code). */
  public boolean mayRead(String community) {
    return readsAll || (community != null && communities.contains(community));
  }
}
