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
 *
 * Overrides the 7.24 webjar's file of the same path (served from the application's classpath first).
 * Changed here: the app name and vendor in the header, the locales and the language switch
 * (tasklist/scripts/language-switch.js, one file for all four webapps).
 */

// Chinese for every staff member, whatever language the browser asks for, unless they chose English with the
// language switch in the user menu (tasklist/scripts/language-switch.js stores the choice in localStorage, shared by all
// webapps of this origin). The webapps take the browser's language whenever it is one of availableLocales
// (only its first part: "en-US" -> "en"), so offering ['zh', 'en'] would give an English browser English:
// only the chosen locale is offered. Both locales/zh.json (ours) and the webjar's locales/en.json are served.
const LOCALE_KEY = 'carbon.webapps.locale';
const locale = (() => {
  try {
    return window.localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
})();
const chinese = locale === 'zh';

export default {
  app: {
    name: chinese ? '运行监控' : 'Cockpit',
    vendor: '中国建筑科学研究院有限公司认证中心'
  },
  locales: {
    availableLocales: [locale],
    fallbackLocale: locale
  },
  customScripts: ['../tasklist/scripts/language-switch']
  // requireJsConfig, historicActivityInstanceMetrics, runtimeActivityInstanceMetrics, skipCustomListeners,
  // skipIoMappings, cascade, batchOperation, bpmnJs, defaultFilter, csrfCookieName, disableWelcomeMessage,
  // userOperationLogAnnotationLength, previewHtml: the webjar's defaults
};
