/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Carbon certification: Cockpit in Simplified Chinese for the centre's staff (English stays selectable).
//
// How the webapps pick a language: the first entry of the browser's language list, cut at "-", if it is one of
// `locales.availableLocales`, otherwise `locales.fallbackLocale`; the webapps have no language switch of their own.
// Offering both locales would give a browser set to English the English screens, so only the chosen locale is
// offered: Chinese unless the user chose English. The choice is made with the "English" / "中文" entry this script
// adds to the user menu (top right), or by opening any webapp once with `?lang=en` (or `?lang=zh`) before the `#`,
// e.g. /camunda/app/cockpit/default/?lang=en#/dashboard. It is kept in this browser's localStorage under
// `carbon.webapps.locale`, which Cockpit, Tasklist, Admin and Welcome share (one origin).
const LOCALE_KEY = 'carbon.webapps.locale';
const SUPPORTED_LOCALES = ['zh', 'en'];

function chosenLocale() {
  try {
    const requested = new URLSearchParams(window.location.search).get('lang');
    if (SUPPORTED_LOCALES.includes(requested)) {
      window.localStorage.setItem(LOCALE_KEY, requested);
    }
    const stored = window.localStorage.getItem(LOCALE_KEY);
    return SUPPORTED_LOCALES.includes(stored) ? stored : 'zh';
  } catch (e) {
    return 'zh'; // localStorage unavailable (privacy mode): Chinese
  }
}

const locale = chosenLocale();

// The switch: one entry in the user menu, above "log out", naming the other language in that language.
function addLanguageSwitch() {
  const menu = document.querySelector('.account .dropdown-menu');
  if (!menu || menu.querySelector('.carbon-locale-switch')) {
    return;
  }
  const other = locale === 'zh' ? 'en' : 'zh';
  const item = document.createElement('li');
  item.className = 'carbon-locale-switch';
  const link = document.createElement('a');
  const target = new URL(window.location.href);
  target.searchParams.set('lang', other);
  link.href = target.toString();
  link.lang = other;
  link.textContent = other === 'en' ? 'English' : '中文';
  link.addEventListener('click', event => {
    event.preventDefault();
    const url = new URL(window.location.href); // the hash may have changed since the entry was added
    url.searchParams.set('lang', other);
    window.location.assign(url.toString());
  });
  item.appendChild(link);
  const divider = document.createElement('li');
  divider.className = 'divider carbon-locale-switch-divider';
  const logout = menu.querySelector('.logout');
  menu.insertBefore(item, logout);
  menu.insertBefore(divider, logout);
}

new MutationObserver(addLanguageSwitch).observe(document.documentElement, {childList: true, subtree: true});

export default {
  app: {
    name: '运行监控',
    vendor: '中国建筑科学研究院有限公司认证中心'
  },
  locales: {
    availableLocales: [locale],
    fallbackLocale: locale
  }
  // The webjar's other settings (customScripts, requireJsConfig, historicActivityInstanceMetrics, skipCustomListeners,
  // skipIoMappings, cascade, batchOperation, bpmnJs, defaultFilter, csrfCookieName, disableWelcomeMessage,
  // userOperationLogAnnotationLength, previewHtml) keep their defaults; see the webjar's own config.js for them.
};
