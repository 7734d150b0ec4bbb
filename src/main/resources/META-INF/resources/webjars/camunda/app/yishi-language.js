// Yishi: the language of the four webapps, shared by app/<app>/scripts/config.js.
// 7.24 takes the browser's first language, keeps the part before "-" and looks it up in
// availableLocales, else takes fallbackLocale: English for a browser that asks for it ("en",
// "en-US" …), Chinese (locales/zh.json) for every other browser.
export const locales = {
  availableLocales: ['zh', 'en'],
  fallbackLocale: 'zh',
};

const browser = window.navigator;
const first = (Array.isArray(browser.languages) && browser.languages[0]) || browser.language || '';
const asked = first.split('-')[0].toLowerCase();
const shown = locales.availableLocales.includes(asked) ? asked : locales.fallbackLocale;

/**
 * The text in the language shown, for what Camunda takes from the configuration alone, the same
 * for every language: the app's name (login heading, header, page title), shortcut descriptions.
 */
export function say(chinese, english) {
  return shown === 'zh' ? chinese : english;
}
