/*
 * The proctors' live view: the sittings in progress arrive as server-sent events ("sittings", a JSON list) and
 * replace the table; the browser's EventSource reconnects by itself. A proctor can warn a candidate or end a
 * sitting; both need a text, checked by the server too.
 */
(function () {
  'use strict';

  var body = document.querySelector('#live-sittings tbody');
  var status = document.getElementById('live-status');
  var empty = document.getElementById('live-empty');
  var form = document.getElementById('live-action');
  var text = document.getElementById('live-action-text');
  var formError = document.getElementById('live-action-error');
  var notice = document.getElementById('live-notice');

  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  }

  function time(iso) {
    if (!iso) { return '—'; }
    return new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });
  }

  function cell(row, value) {
    var td = document.createElement('td');
    td.textContent = value;
    row.appendChild(td);
    return td;
  }

  function button(label, kind, sitting) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.className = kind === 'TERMINATION' ? 'danger' : '';
    b.setAttribute('data-kind', kind);
    b.setAttribute('data-sitting', sitting.sittingId);
    b.setAttribute('aria-label', label + '：' + sitting.applicationNumber);
    b.addEventListener('click', function () { openAction(kind, sitting); });
    return b;
  }

  /** The last heartbeat, or in red how long the page has been silent when that is a network gap (server's clock). */
  function heartbeatCell(row, s) {
    var td = cell(row, s.lastHeartbeat ? time(s.lastHeartbeat) : '尚未收到');
    td.className = 'heartbeat';
    if (s.silentSeconds !== undefined && s.silentSeconds !== null) {
      td.textContent = '网络中断 ' + s.silentSeconds + ' 秒';
      td.className = 'heartbeat network-gap';
      row.className = 'attention';
    }
  }

  function render(sittings) {
    body.textContent = '';
    empty.hidden = sittings.length > 0;
    sittings.forEach(function (s) {
      var row = document.createElement('tr');
      row.setAttribute('data-sitting', s.sittingId);
      if (s.flaggedEvents > 0) { row.className = 'attention'; }
      cell(row, s.applicationNumber);
      cell(row, s.candidateName);
      cell(row, String(s.events));
      cell(row, String(s.flaggedEvents));
      cell(row, String(s.pageLeaves));
      cell(row, time(s.lastSeen));
      heartbeatCell(row, s);
      cell(row, time(s.deadline));
      var actions = cell(row, '');
      actions.className = 'live-actions';
      actions.appendChild(button('警告', 'WARNING', s));
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(button('终止考试', 'TERMINATION', s));
      body.appendChild(row);
    });
    status.textContent = '已更新：' + new Date().toLocaleTimeString('zh-CN', { hour12: false }) + '，共 ' + sittings.length + ' 名考生在答题';
  }

  function openAction(kind, sitting) {
    document.getElementById('live-action-sitting').value = sitting.sittingId;
    document.getElementById('live-action-kind').value = kind;
    var warning = kind === 'WARNING';
    document.getElementById('live-action-title').textContent = (warning ? '向考生发送警告：' : '终止考试：') + sitting.applicationNumber;
    document.getElementById('live-action-label').textContent = warning
      ? '警告内容（至少 5 个字，考生将在答题页面看到）'
      : '终止理由（至少 5 个字，考生和裁定人员将看到；终止后考生不能继续作答，案件进入违纪裁定）';
    document.getElementById('live-action-submit').textContent = warning ? '发送警告' : '确认终止考试';
    formError.hidden = true;
    text.value = '';
    form.hidden = false;
    text.focus();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var kind = document.getElementById('live-action-kind').value;
    var sitting = document.getElementById('live-action-sitting').value;
    var url = '/api/staff/live/sittings/' + encodeURIComponent(sitting) + (kind === 'WARNING' ? '/warnings' : '/termination');
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    var token = cookie('XSRF-TOKEN');
    if (token) { headers['X-XSRF-TOKEN'] = token; }
    fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify({ message: text.value }) })
      .then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
      .then(function (res) {
        if (!res.ok) {
          formError.textContent = (res.data && res.data.message) || '操作失败，请重试';
          formError.hidden = false;
          text.focus();
          return;
        }
        form.hidden = true;
        notice.textContent = kind === 'WARNING' ? '警告已发送' : '考试已终止';
        notice.hidden = false;
      })
      .catch(function () {
        formError.textContent = '网络连接失败，请重试';
        formError.hidden = false;
      });
  });

  document.getElementById('live-action-cancel').addEventListener('click', function () { form.hidden = true; });

  var source = new EventSource('/api/staff/live/stream');
  source.addEventListener('sittings', function (e) { render(JSON.parse(e.data)); });
  source.onerror = function () { status.textContent = '连接中断，正在重新连接…'; };
})();
