package cn.yishi.organisation;

/** What one identity synchronisation changed; all zero on a start after the first. */
public record SyncReport(
    int groupsCreated,
    int groupsUpdated,
    int authorizationsCreated,
    int authorizationsUpdated,
    int filtersCreated,
    int filtersUpdated,
    int usersCreated,
    int membershipsCreated) {

  public int changes() {
    return groupsCreated
        + groupsUpdated
        + authorizationsCreated
        + authorizationsUpdated
        + filtersCreated
        + filtersUpdated
        + usersCreated
        + membershipsCreated;
  }
}
