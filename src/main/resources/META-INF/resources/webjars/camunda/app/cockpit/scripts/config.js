// Yishi's configuration of Camunda Cockpit (7.24 loads this ES module in place of the webjar's).
import { locales, say } from '../../yishi-language.js';

export default {
  app: { name: say('Cockpit', 'Cockpit') },
  locales,
};
