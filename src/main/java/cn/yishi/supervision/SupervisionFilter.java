package cn.yishi.supervision;

import cn.yishi.organisation.IdentitySync;
import cn.yishi.organisation.TasklistFilter;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** The shared Tasklist filter of the 督办 tasks the user's unit has to answer. */
@Component
public class SupervisionFilter implements TasklistFilter.Contribution {

  public static final String NAME = "督办任务";

  @Override
  public List<TasklistFilter> filters(TaskService tasks) {
    return List.of(
        new TasklistFilter(
            NAME,
            "本单位要办理的督办（上一级对超期事项的督促）",
            3,
            IdentitySync.unitTasks(tasks).processDefinitionKey(SupervisionProcess.KEY)));
  }
}
