// Yishi's configuration of Camunda Tasklist (7.24 loads this ES module in place of the webjar's).
import { locales, say } from '../../yishi-language.js';

export default {
  app: { name: say('任务列表', 'Tasklist') },
  locales,

  // paths relative to app/tasklist/, ".js" is added when missing
  customScripts: [
    // yishi: custom scripts (other branches add entries here)
    // the number search box above the list, and the proposal number after a start
    'scripts/yishi/proposal-number',
    // form-js messages in Chinese, the refused field marked, Create task for administrators only
    'scripts/yishi/staff-language',
  ],

  // the key combinations Tasklist listens to, listed in its help dialog (键盘快捷键)
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: say('认领当前选中的任务', 'claims the selected task'),
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: say('将焦点移到第一个过滤器', 'moves the focus to the first filter'),
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: say('将焦点移到列表中的第一个任务', 'moves the focus to the first task of the list'),
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: say('将焦点移到任务表单的第一个输入框', "moves the focus to the task form's first field"),
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: say('打开“启动流程”对话框', 'opens the dialog to start a process'),
    },
  },
};
