package cn.yishi.notice;

import cn.yishi.common.CommonVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** An open result notice for API tests: the notice process on its own, seven days long. */
public final class OpenNotices {

  private OpenNotices() {}

  /** Starts a notice of a made-up proposal owned by {@code unit}; returns the notice's id. */
  public static String open(RuntimeService runtime, ManagementService management, String unit) {
    String number = "JN-2026-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> v = new HashMap<>();
    v.put(CommonVariables.NUMBER.name(), number);
    v.put(CommonVariables.TITLE.name(), "马鞍北路8号院清理飞线充电");
    v.put(CommonVariables.DELIBERATION_UNIT.name(), unit);
    v.put(CommonVariables.NOTICE_KIND.name(), PublicNoticeProcess.KIND_RESULT);
    v.put(CommonVariables.NOTICE_CONTENT.name(), "居民已自行拆除飞线，院内新设充电桩12个。");
    v.put(
        CommonVariables.TIME_LIMITS.name(),
        Map.of(
            PublicNoticeProcess.NOTICE_PERIOD,
            "P7D",
            "responseWithin", // CONTRACT §3 timeLimits output
            "P1D",
            PublicNoticeProcess.OBJECTION_ROUND_LEVEL_ABOVE,
            3));
    ProcessInstance instance =
        runtime.startProcessInstanceByKey(PublicNoticeProcess.KEY, number, v);
    management.executeJob(
        management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    return (String) runtime.getVariable(instance.getId(), CommonVariables.NOTICE_ID.name());
  }
}
