// Managers' dashboard in Cockpit (7.14+ plugin API): per exam session the cases at each stage, pass rate,
// voided sittings, overdue tasks and open incidents. Numbers link to the matching process instances.
const PLUGIN_ID = 'certification-dashboard';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value !== null && value !== undefined) {
      node.setAttribute(key, value);
    }
  });
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function number(value, link, figure) {
  const content = link && value > 0
    ? el('a', { href: link, 'data-figure-link': figure, title: '在 Cockpit 中列出这些案件' }, value)
    : el('span', {}, value);
  return el('td', { 'data-figure': figure, class: 'text-right' }, content);
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : (Math.round(rate * 1000) / 10).toFixed(1) + '%';
}

function table(dashboard) {
  const stages = dashboard.sessions.length ? dashboard.sessions[0].stages : [];
  const head = el('tr', {},
    el('th', {}, '考期'),
    ...stages.map(s => el('th', { class: 'text-right' }, s.label)),
    el('th', { class: 'text-right' }, '合计'),
    el('th', { class: 'text-right', title: '合格人数 / 已算出成绩人数' }, '通过率'),
    el('th', { class: 'text-right', title: '经违纪裁定成绩无效的答卷' }, '违纪作废'),
    el('th', { class: 'text-right' }, '正在答题'),
    el('th', { class: 'text-right', title: '已过期限仍未办理的人工任务' }, '超期任务'),
    el('th', { class: 'text-right', title: '重试后仍失败、需要处理的作业' }, '未处理故障'));
  const rows = dashboard.sessions.map(row => el('tr', { 'data-session': row.code },
    el('td', {}, el('strong', {}, row.code), ' ', row.name),
    ...row.stages.map(s => number(s.value, s.link, s.stage)),
    el('td', { 'data-figure': 'TOTAL', class: 'text-right' }, row.casesTotal),
    el('td', { 'data-figure': 'PASS_RATE', class: 'text-right', title: row.passed + ' / ' + row.resultsComputed },
      percent(row.passRate)),
    el('td', { 'data-figure': 'VOIDED', class: 'text-right' }, row.voidedSittings),
    el('td', { 'data-figure': 'IN_PROGRESS', class: 'text-right' }, row.sittingsInProgress),
    number(row.overdueTasks.value, row.overdueTasks.link, 'OVERDUE'),
    number(row.openIncidents.value, row.openIncidents.link, 'INCIDENTS')));
  return el('table', { class: 'cam-table certification-dashboard-table' }, el('thead', {}, head), el('tbody', {}, ...rows));
}

export default {
  id: PLUGIN_ID,
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node, { api }) => {
    const section = el('section', { class: 'certification-dashboard' },
      el('h3', { class: 'section-title' }, '各考期案件统计'),
      el('p', { class: 'certification-dashboard-status' }, '正在加载……'));
    node.innerHTML = '';
    node.append(section);
    fetch(`${api.cockpitApi}/plugin/${PLUGIN_ID}/${api.engine}/sessions`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken }
    }).then(response => {
      if (response.status === 403) {
        throw new Error('仅考务管理员可以查看考期统计。');
      }
      if (!response.ok) {
        throw new Error('统计数据加载失败（HTTP ' + response.status + '），请稍后刷新页面。');
      }
      return response.json();
    }).then(dashboard => {
      const status = section.querySelector('.certification-dashboard-status');
      status.textContent = dashboard.sessions.length
        ? '数字为当前数据；点击数字可在 Cockpit 中列出对应的案件（已结束的案件社区版 Cockpit 不列出）。'
        : '暂无进行中的考期。';
      section.append(table(dashboard));
    }).catch(error => {
      section.querySelector('.certification-dashboard-status').textContent = error.message;
    });
  }
};
