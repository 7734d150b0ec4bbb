// Yishi's configuration of Camunda Welcome (7.24 loads this ES module in place of the webjar's).
import { locales, say } from '../../yishi-language.js';

export default {
  app: { name: say('欢迎', 'Welcome') },
  locales,
};
