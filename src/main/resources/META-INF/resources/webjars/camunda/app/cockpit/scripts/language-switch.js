/*
 * Language switch for the Camunda webapps (a "custom script" named in scripts/config.js; the same file is in
 * tasklist/, admin/ and welcome/). The 7.24 webapps have no language switch of their own: they take the first
 * available locale matching the browser's language. Here the locale comes from localStorage instead
 * (see scripts/config.js), Chinese unless the staff member picked English, and this script:
 *  - adds "English" / "中文" to the user menu in the header; a click stores the choice and reloads the page;
 *  - gives the app-switch menu (the house icon) Chinese app names, which the webapps hard-code in English;
 *  - marks the document as zh-CN so the browser picks Chinese glyphs.
 * The header is rendered and re-rendered by AngularJS after this script runs, so a MutationObserver re-applies the
 * changes whenever the page changes; every change is idempotent.
 */
const LOCALE_KEY = 'carbon.webapps.locale';

function currentLocale() {
  try {
    return window.localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

const locale = currentLocale();
const other = locale === 'zh' ? 'en' : 'zh';
const APP_NAMES = {welcome: '首页', tasklist: '任务列表', cockpit: '运行监控', admin: '系统管理'};

function addLanguageSwitch() {
  document.querySelectorAll('li.account > ul.dropdown-menu').forEach(menu => {
    if (menu.querySelector('li.language-switch')) {
      return;
    }
    const item = document.createElement('li');
    item.className = 'language-switch';
    const link = document.createElement('a');
    link.href = '#';
    link.lang = other === 'zh' ? 'zh-CN' : 'en';
    link.setAttribute('data-locale', other);
    link.textContent = other === 'zh' ? '中文' : 'English';
    link.addEventListener('click', event => {
      event.preventDefault();
      try {
        window.localStorage.setItem(LOCALE_KEY, other);
      } catch (e) {
        return;
      }
      window.location.reload();
    });
    item.appendChild(link);
    const divider = document.createElement('li');
    divider.className = 'divider language-switch-divider';
    menu.insertBefore(divider, menu.firstChild);
    menu.insertBefore(item, divider);
  });
}

function translateAppSwitch() {
  if (locale !== 'zh') {
    return;
  }
  Object.keys(APP_NAMES).forEach(app => {
    document.querySelectorAll('li.app-switch li.' + app + ' > a').forEach(link => {
      if (link.textContent.trim() !== APP_NAMES[app]) {
        link.textContent = APP_NAMES[app];
      }
    });
  });
}

function apply() {
  const lang = locale === 'zh' ? 'zh-CN' : 'en';
  if (document.documentElement.lang !== lang) {
    document.documentElement.lang = lang;
  }
  addLanguageSwitch();
  translateAppSwitch();
}

apply();
new MutationObserver(apply).observe(document.documentElement, {childList: true, subtree: true});
