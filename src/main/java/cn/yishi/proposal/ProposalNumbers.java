package cn.yishi.proposal;

import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable, unique proposal numbers such as {@code JN-2026-000123}: a prefix
 * ({@code yishi.numbering.prefix}, default JN), the year in the business time zone and a counter
 * per year (table {@code proposal_number_counter}).
 *
 * <p>The counter is incremented by an {@code UPDATE} in the caller's transaction (the step that
 * starts the proposal): its row lock makes concurrent starts wait for each other, on H2 and on
 * PostgreSQL, so numbers are unique and a rolled-back start gives its number back (no gaps).
 * The year's row is inserted on first use. Each try runs in a savepoint, so that losing the race
 * to create the row (or H2's lock timeout while many starts queue) does not abort the caller's
 * transaction on PostgreSQL: the loser simply tries the update again.
 */
@Service
public class ProposalNumbers {

  private static final int ATTEMPTS = 10;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;
  private final String prefix;

  public ProposalNumbers(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${yishi.numbering.prefix:JN}") String prefix) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.prefix = prefix;
  }

  /** The next number of the year {@code at} falls in (in its own offset: pass business time). */
  public String next(OffsetDateTime at) {
    int year = at.getYear();
    return format(prefix, year, nextInYear(year));
  }

  /** {@code PREFIX-YYYY-NNNNNN}. */
  static String format(String prefix, int year, long counter) {
    return String.format("%s-%04d-%06d", prefix, year, counter);
  }

  long nextInYear(int year) {
    for (int attempt = 1; ; attempt++) {
      try {
        Long taken =
            savepoint.execute(
                status ->
                    jdbc.update(
                                "UPDATE proposal_number_counter SET last_number = last_number + 1"
                                    + " WHERE counter_year = ?",
                                year)
                            == 1
                        ? jdbc.queryForObject(
                            "SELECT last_number FROM proposal_number_counter WHERE counter_year = ?",
                            Long.class,
                            year)
                        : null);
        if (taken != null) {
          return taken;
        }
        savepoint.executeWithoutResult(
            status ->
                jdbc.update(
                    "INSERT INTO proposal_number_counter (counter_year, last_number) VALUES (?, 1)",
                    year));
        return 1;
      } catch (DuplicateKeyException | PessimisticLockingFailureException busy) {
        // another start created the year's row first, or H2 gave up waiting for the row lock
        // (its lock timeout is 2 s): the savepoint keeps our transaction usable, try again
        if (attempt >= ATTEMPTS) {
          throw new IllegalStateException("提案编号计数器（" + year + " 年）无法取号", busy);
        }
      }
    }
  }
}
