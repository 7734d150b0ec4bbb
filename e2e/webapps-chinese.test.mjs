// Camunda's webapps in the staff's language (Debian's chromium via playwright-core): a browser
// with a Chinese locale gets the login page, Tasklist, Cockpit and Admin in Chinese, one that
// asks for English gets English, and neither shows the Camunda 8 migration banner (a notice for
// the operators, see the README). Needs a running Yishi with demo data:
//   YISHI_URL=http://localhost:8080 node --test e2e/webapps-chinese.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.YISHI_URL ?? 'http://localhost:8080';
const [ADMIN, ADMIN_PASSWORD] = (process.env.YISHI_ADMIN ?? 'admin:admin').split(':');
const SHOTS = process.env.YISHI_SCREENSHOTS ?? 'target/e2e';

// what each screen shows in each language (the other language's words must be absent)
const LANGUAGES = {
  zh: {
    locale: 'zh-CN',
    login: { username: '用户名', password: '密码', button: '登录', heading: '欢迎' },
    tasklist: ['启动流程', '键盘快捷键', '请在列表中选择一个任务。'],
    taskFilter: '过滤任务',
    cockpit: ['当前概况', '运行中的流程实例', '流程定义'],
    admin: ['创建新用户', '用户列表', '授权'],
  },
  en: {
    locale: 'en-US',
    login: { username: 'Username', password: 'Password', button: 'Log in', heading: 'Welcome' },
    tasklist: ['Start process', 'Keyboard Shortcuts', 'Select a task in the list.'],
    taskFilter: 'Filter Tasks',
    cockpit: ['Right Now', 'Running Process Instances', 'Process Definitions'],
    admin: ['Create New User', 'List of Users', 'Authorizations'],
  },
};
const OTHER = { zh: 'en', en: 'zh' };

const contexts = {};

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [language, { locale }] of Object.entries(LANGUAGES)) {
    contexts[language] = await chromium.launchPersistentContext(
      mkdtempSync(join(tmpdir(), `yishi-e2e-${language}-`)),
      {
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--no-first-run'],
        viewport: { width: 1400, height: 900 },
        locale,
        timezoneId: 'Asia/Shanghai',
      },
    );
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
  await page.goto(`${BASE}/camunda/app/${app}/default/`);
  const words = LANGUAGES[language].login;
  await page.getByPlaceholder(words.username, { exact: true }).fill(user);
  await page.getByPlaceholder(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.button, exact: true }).click();
  return page;
}

/** Every text is shown, and none of the other language's counterparts. */
async function shows(page, language, texts, otherTexts) {
  for (const text of texts) await page.getByText(text, { exact: true }).first().waitFor();
  for (const text of otherTexts) {
    assert.equal(await page.getByText(text, { exact: true }).count(), 0, `"${text}" shown in ${language}`);
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
    await page.getByPlaceholder(words.login.username, { exact: true }).waitFor();
    await page.getByPlaceholder(words.login.password, { exact: true }).waitFor();
    await shows(page, language, [words.login.heading], [other.login.heading, other.login.button]);
    await noMigrationBanner(page);
    await page.screenshot({ path: join(SHOTS, `webapps-welcome-${language}.png`) });
    await page.close();
  });

  test(`${words.locale}: a caseworker's Tasklist is in ${language}`, async () => {
    const page = await logIn(language, 'tasklist', 'jldbl-caseworker', 'demo');
    await page.getByText('我的小组待办').first().waitFor(); // Yishi's own filter, Chinese in both
    await page.getByPlaceholder(words.taskFilter, { exact: true }).waitFor();
    await shows(page, language, words.tasklist, other.tasklist);
    await noMigrationBanner(page);
    await page.screenshot({ path: join(SHOTS, `webapps-tasklist-${language}.png`) });
    await page.close();
  });

  test(`${words.locale}: Cockpit's dashboard is in ${language}`, async () => {
    const page = await logIn(language, 'cockpit', ADMIN, ADMIN_PASSWORD);
    await shows(page, language, words.cockpit, other.cockpit);
    await noMigrationBanner(page);
    await page.screenshot({ path: join(SHOTS, `webapps-cockpit-${language}.png`) });
    await page.close();
  });

  test(`${words.locale}: Admin's dashboard is in ${language}`, async () => {
    const page = await logIn(language, 'admin', ADMIN, ADMIN_PASSWORD);
    await shows(page, language, words.admin, other.admin);
    await noMigrationBanner(page);
    await page.screenshot({ path: join(SHOTS, `webapps-admin-${language}.png`) });
    await page.close();
  });
}
