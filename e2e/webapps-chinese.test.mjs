// Camunda's webapps in the staff's language (Debian's chromium via playwright-core): a browser
// with a Chinese locale gets the login page, Tasklist, Cockpit and Admin in Chinese, one that
// asks for English gets English, and neither shows the Camunda 8 migration banner (a notice for
// the operators, see the README). Needs a running Yishi with demo data:
//   YISHI_URL=http://localhost:8080 node --test e2e/webapps-chinese.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ADMIN as ADMIN_LOGIN, BASE, SHOTS, launch } from './support.mjs';

const [ADMIN, ADMIN_PASSWORD] = ADMIN_LOGIN.split(':');

// what each screen shows in each language (the other language's words must be absent)
const LANGUAGES = {
  zh: {
    locale: 'zh-CN',
    login: { username: '用户名', password: '密码', button: '登录', heading: '欢迎' },
    tasklist: ['启动流程', '键盘快捷键', '请在列表中选择一个任务。', '过滤任务'],
    cockpit: ['当前概况', '运行中的流程实例', '流程定义'],
    admin: ['创建新用户', '用户列表', '授权'],
  },
  en: {
    locale: 'en-US',
    login: { username: 'Username', password: 'Password', button: 'Log in', heading: 'Welcome' },
    tasklist: ['Start process', 'Keyboard Shortcuts', 'Select a task in the list.', 'Filter Tasks'],
    cockpit: ['Right Now', 'Running Process Instances', 'Process Definitions'],
    admin: ['Create New User', 'List of Users', 'Authorizations'],
  },
};
const OTHER = { zh: 'en', en: 'zh' };
const APPS = {
  tasklist: { user: 'jldbl-caseworker', password: 'demo', screen: "a caseworker's Tasklist" },
  cockpit: { user: ADMIN, password: ADMIN_PASSWORD, screen: "Cockpit's dashboard" },
  admin: { user: ADMIN, password: ADMIN_PASSWORD, screen: "Admin's dashboard" },
};

const contexts = {};

before(async () => {
  for (const [language, { locale }] of Object.entries(LANGUAGES)) {
    contexts[language] = await launch({ locale, name: `yishi-e2e-${language}-` });
  }
});

after(async () => {
  for (const context of Object.values(contexts)) await context.close();
});

/** Opens an app's login form and logs in with the form's words in the given language. */
async function logIn(language, app, user, password) {
  const context = contexts[language];
  await context.clearCookies(); // one browser profile per language: log the previous user out
  const page = await context.newPage();
  page.setDefaultTimeout(90_000); // an app's first page after Yishi's start is slow on a busy machine
  await page.goto(`${BASE}/camunda/app/${app}/default/`);
  const words = LANGUAGES[language].login;
  await page.getByPlaceholder(words.username, { exact: true }).fill(user);
  await page.getByPlaceholder(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.button, exact: true }).click();
  return page;
}

const textOrPlaceholder = (page, text) =>
  page.getByText(text, { exact: true }).or(page.getByPlaceholder(text, { exact: true }));

/** Every text is shown (as text or an input's placeholder), and none of the other language's. */
async function shows(page, language, texts, otherTexts) {
  for (const text of texts) await textOrPlaceholder(page, text).first().waitFor();
  for (const text of otherTexts.filter((text) => !texts.includes(text))) {
    assert.equal(await textOrPlaceholder(page, text).count(), 0, `"${text}" shown in ${language}`);
  }
}

/** Camunda renders the migration banner in every app of the community edition; staff never see it. */
async function noMigrationBanner(page) {
  const banners = page.locator('.ce-eol-banner');
  assert.ok((await banners.count()) > 0, 'the header renders the banner (hidden by user-styles.css)');
  for (const banner of await banners.all()) assert.equal(await banner.isVisible(), false);
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /Camunda 8|Camunda 7 CE|Camunda 7 社区版/);
}

for (const language of Object.keys(LANGUAGES)) {
  const words = LANGUAGES[language];
  const other = LANGUAGES[OTHER[language]];

  test(`${words.locale}: the login page is in ${language}`, async () => {
    const page = await contexts[language].newPage();
    await page.goto(`${BASE}/camunda/app/welcome/default/`);
    await page.getByRole('button', { name: words.login.button, exact: true }).waitFor();
    await shows(page, language, Object.values(words.login), Object.values(other.login));
    await noMigrationBanner(page);
    await page.screenshot({ path: join(SHOTS, `webapps-welcome-${language}.png`) });
    await page.close();
  });

  for (const [app, { user, password, screen }] of Object.entries(APPS)) {
    test(`${words.locale}: ${screen} is in ${language}`, async () => {
      const page = await logIn(language, app, user, password);
      await shows(page, language, words[app], other[app]);
      await noMigrationBanner(page);
      await page.screenshot({ path: join(SHOTS, `webapps-${app}-${language}.png`) });
      await page.close();
    });
  }
}
