// Yishi's configuration of Camunda Admin (7.24 loads this ES module in place of the webjar's).
import { locales, say } from '../../yishi-language.js';

export default {
  app: { name: say('管理', 'Admin') },
  locales,
};
