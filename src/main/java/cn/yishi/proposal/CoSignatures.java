package cn.yishi.proposal;

import cn.yishi.common.SqlLists;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;

/**
 * The co-signing households of proposals (联署, table {@code proposal_cosignature}): one per phone
 * and proposal, enforced by the database, so two requests of the same household at once cannot both
 * count. Phones stay here (never public); those who asked are told of each step ({@link
 * ProposalViewService#changeStatus}).
 */
@Repository
public class CoSignatures {

  private final JdbcTemplate jdbc;

  public CoSignatures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds a household's co-signature.
   *
   * @throws AlreadyCoSignedException this phone has co-signed the proposal already (409)
   */
  void add(
      String number,
      String name,
      String phone,
      String courtyard,
      boolean notify,
      OffsetDateTime at) {
    try {
      jdbc.update(
          "INSERT INTO proposal_cosignature (id, proposal_number, name, phone, courtyard, notify,"
              + " signed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(),
          number,
          name,
          phone,
          new SqlParameterValue(Types.VARCHAR, courtyard),
          notify,
          new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at));
    } catch (DuplicateKeyException twice) {
      throw new AlreadyCoSignedException(number);
    }
  }

  /** How many households co-signed the proposal after its submission. */
  public int count(String number) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM proposal_cosignature WHERE proposal_number = ?",
            Integer.class,
            number);
    return n == null ? 0 : n;
  }

  /** The phones of the co-signers who asked to be told of each step, in the order they signed. */
  public List<String> phonesToNotify(String number) {
    return jdbc.queryForList(
        "SELECT phone FROM proposal_cosignature WHERE proposal_number = ? AND notify = TRUE"
            + " ORDER BY signed_at, id",
        String.class,
        number);
  }

  /** Removes the co-signatures of these proposals (their history has expired). */
  public void forget(Collection<String> numbers) {
    if (numbers.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM proposal_cosignature WHERE proposal_number IN ("
            + SqlLists.placeholders(numbers)
            + ")",
        numbers.toArray());
  }

  /** The household (phone) co-signed already, or is the submitter's (409). */
  public static class AlreadyCoSignedException extends RuntimeException {
    public AlreadyCoSignedException(String number) {
      super("该手机号已联署过提案 " + number + "（每户只能联署一次，提案人无需联署）");
    }
  }

  /** The proposal has ended: nobody can co-sign it any more (409). */
  public static class ProposalEndedException extends RuntimeException {
    public ProposalEndedException(String number, String status) {
      super("提案 " + number + " 已" + status + "，不能再联署");
    }
  }
}
