/*
 * The candidate's answer page. The server decides: its paper, its clock, its answers. The page
 *  - writes every change to the IndexedDB outbox first (ExamStore), then sends it within about 2 s (debounced),
 *    in order, with a client sequence that only grows (kept across reloads), until the last second of the exam;
 *  - tells the truth about saving: 已保存 only when the outbox is empty and the server confirmed every change;
 *  - replays the outbox in order when the network returns, and offers an encrypted rescue file (AES-GCM with the
 *    sitting's key from the server) when answers could not be sent;
 *  - sends a heartbeat every 10 s, from which the server sees network gaps;
 *  - reports leaving the page (hidden page = PAGE_LEFT, answer window without focus = WINDOW_BLUR), copy, paste and
 *    right-click to the proctoring component, shows its warning with the count, and shows the end it decides.
 */
(function () {
  'use strict';

  var cfg = window.EXAM_CONFIG;
  var number = cfg.number;
  var api = '/api/applications/' + encodeURIComponent(number) + '/exam';
  var LEAVES = ['PAGE_LEFT', 'WINDOW_BLUR'];
  var ENDED_CODES = ['EXAM_TIME_OVER', 'SITTING_ENDED', 'SITTING_NOT_IN_PROGRESS'];
  var RESYNC_MS = 30000;
  var HEARTBEAT_MS = 10000;
  var BLUR_GRACE_MS = 400;

  var store = null;
  var state = {
    started: false, ended: false, timeUp: false, items: [], byPosition: {}, current: 1, sequential: false,
    serverMaxSeq: 0, lastSeq: 0, endAt: null, deadline: null,
    leaves: cfg.pageLeaves || 0, limit: cfg.pageLeaveLimit || 5,
    outbox: [], dirty: {}, errors: {}, flushing: null, flushAgain: false, lastSavedAt: null,
    offline: false, offlineSince: null, retryTimer: null, retryDelay: 1000,
    away: null, blurTimer: null, warnedLocally: {}, committing: 0, unloading: false
  };
  var commitTimer = null;
  var commitMaxTimer = null;
  var commitChain = Promise.resolve();

  function $(id) {
    return document.getElementById(id);
  }

  // ---------------------------------------------------------------- server calls

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  /** Resolves with {ok, status, data} for every HTTP answer; rejects only when the network failed. */
  function call(method, url, body) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, 15000);
    var headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    var token = cookie('XSRF-TOKEN');
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    return fetch(url, {
      method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin', cache: 'no-store', signal: controller.signal
    }).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) { /* not JSON: a proxy's error page */ }
        return { ok: r.ok, status: r.status, data: data };
      });
    }).finally(function () { clearTimeout(timer); });
  }

  // ---------------------------------------------------------------- start and resume

  function deviceChecked() {
    try {
      return !!sessionStorage.getItem('exam-device-check:' + number);
    } catch (e) {
      return true;
    }
  }

  function showMessage(title, text) {
    $('exam-message-title').textContent = title;
    $('exam-message-text').textContent = text;
    $('exam-message').hidden = false;
    $('exam-body').hidden = true;
    setStatus('', '');
  }

  function start() {
    window.ExamStore.open().then(function (s) {
      store = s;
      return store.lastSequence(number);
    }).then(function (seq) {
      state.lastSeq = seq || 0;
      return call('GET', api);
    }).then(function (res) {
      if (!res.ok) {
        return refusedAtStart(res);
      }
      var status = res.data.status;
      if (status !== 'READY' && status !== 'IN_PROGRESS') {
        return showEnded(status, res.data.statusLabel); // with the rescue file, if answers were left unsent
      }
      if (!deviceChecked()) {
        return showMessage('请先完成设备检测', '进入考试前须在本浏览器中完成设备检测（浏览器、摄像头、麦克风、网络）。'
          + '请返回设备检测页，检测通过后再进入考试。');
      }
      if (status === 'READY') {
        return call('POST', api + '/start').then(function (started) {
          return started.ok ? begin(started.data, false) : refusedAtStart(started);
        });
      }
      return begin(res.data, true);
    }).catch(function () {
      showMessage('无法连接考试服务器', '请检查网络连接后刷新本页面；问题持续时请联系考务客服（' + cfg.supportContact + '）。');
    });
  }

  function refusedAtStart(res) {
    showMessage('暂时无法进入考试', (res.data && res.data.message) || ('服务器拒绝了请求（HTTP ' + res.status + '）'));
  }

  function begin(view, resumed) {
    state.items = view.items || [];
    state.byPosition = {};
    state.items.forEach(function (item) {
      state.byPosition[item.position] = item;
      state.serverMaxSeq = Math.max(state.serverMaxSeq, item.clientSequence || 0);
    });
    state.sequential = !!view.sequentialNavigation;
    syncClock(view.remainingSeconds, view.deadline);
    return store.list(number).then(function (entries) {
      state.outbox = entries;
      // What is still in the outbox was never confirmed by the server: it is newer than what the server holds.
      entries.forEach(function (e) {
        var item = state.byPosition[e.position];
        if (e.kind === 'save' && item) {
          item.response = e.response;
          item.flagged = e.flagged;
        }
      });
      state.started = true;
      $('exam-body').hidden = false;
      $('submit-exam').disabled = false;
      $('sequential-note').hidden = !state.sequential;
      $('leave-limit').textContent = state.limit;
      $('leave-count').textContent = state.leaves;
      buildNav();
      var saved = 0;
      try {
        saved = Number(sessionStorage.getItem('exam-current:' + number));
      } catch (e) { /* start at the first open item */ }
      goTo(state.byPosition[saved] ? Math.min(saved, allowedMax()) : firstOpenPosition(), false);
      installProctoring();
      checkEnvironment();
      setInterval(tick, 250);
      setInterval(resync, RESYNC_MS);
      heartbeat();
      setInterval(heartbeat, HEARTBEAT_MS);
      if (resumed) {
        report('PAGE_RELOADED', '重新进入答题页面（刷新或重新连接）');
      }
      updateStatus();
      return flush();
    });
  }

  // ---------------------------------------------------------------- the clock (the server's)

  function syncClock(remainingSeconds, deadline) {
    if (typeof remainingSeconds === 'number') {
      state.endAt = performance.now() + remainingSeconds * 1000;
    }
    if (deadline) {
      state.deadline = deadline;
      $('deadline').textContent = '（北京时间 ' + new Date(deadline).toLocaleTimeString('zh-CN',
        { timeZone: 'Asia/Shanghai', hour12: false }) + ' 截止）';
    }
  }

  function tick() {
    if (state.endAt === null || state.ended) {
      return;
    }
    var left = Math.max(0, Math.ceil((state.endAt - performance.now()) / 1000));
    var h = Math.floor(left / 3600);
    var m = Math.floor(left % 3600 / 60);
    var s = left % 60;
    $('remaining').textContent = h + ':' + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0');
    $('remaining').parentNode.classList.toggle('ending', left <= 300);
    if (left === 0 && !state.timeUp) {
      timeUp();
    }
  }

  function resync() {
    if (state.ended) {
      return Promise.resolve();
    }
    return call('GET', api + '/clock').then(function (res) {
      if (!res.ok) {
        return;
      }
      if (res.data.status !== 'IN_PROGRESS') {
        return showEnded(res.data.status, res.data.statusLabel);
      }
      syncClock(res.data.remainingSeconds, res.data.deadline);
      if (state.offline) {
        flush();
      }
    }).catch(goOffline);
  }

  /** Tells the server the page is alive; when these stop for too long the server records a network gap. */
  function heartbeat() {
    if (state.ended || state.timeUp) {
      return;
    }
    call('POST', api + '/heartbeat').catch(function () { /* offline: the saves' retry loop reports it */ });
  }

  /** The local countdown reached 0: send what is left, then show what the server decided. */
  function timeUp() {
    state.timeUp = true;
    $('exam-body').setAttribute('inert', ''); // nothing typed after the deadline can count
    $('submit-exam').disabled = true;
    setStatus('saving', '考试时间到，正在提交…');
    commit().then(flush).then(function () {
      var tries = 0;
      var poll = setInterval(function () {
        tries++;
        if (state.ended || tries > 60) {
          clearInterval(poll);
          return;
        }
        resync();
      }, 2000);
      resync();
    });
  }

  // ---------------------------------------------------------------- questions

  function answered(item) {
    return item.response !== null && item.response !== undefined && item.response !== '';
  }

  function firstOpenPosition() {
    var open = state.items.filter(function (item) { return !answered(item); })[0];
    return open ? open.position : 1;
  }

  /** The furthest item the candidate may open: all of them, or the first unanswered one when answering in order. */
  function allowedMax() {
    var open = state.items.filter(function (item) { return !answered(item); })[0];
    return state.sequential && open ? open.position : state.items.length;
  }

  function goTo(position, focus) {
    if (!state.byPosition[position] || position > allowedMax()) {
      return;
    }
    state.current = position;
    try {
      sessionStorage.setItem('exam-current:' + number, String(position));
    } catch (e) { /* only the position after a refresh is lost */ }
    renderNav();
    renderQuestion();
    if (focus) {
      $('question-title').focus();
    }
  }

  /** The navigation panel, built once; renderNav updates its buttons in place (so the focus stays on them). */
  function buildNav() {
    var groups = $('nav-groups');
    groups.textContent = '';
    var grid = null;
    var lastType = null;
    state.items.forEach(function (item) {
      if (item.type !== lastType) {
        lastType = item.type;
        var heading = document.createElement('h3');
        heading.textContent = item.typeLabel;
        groups.appendChild(heading);
        grid = document.createElement('div');
        grid.className = 'grid';
        groups.appendChild(grid);
      }
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = item.position;
      button.dataset.position = item.position;
      button.addEventListener('click', function () { goTo(item.position, true); });
      grid.appendChild(button);
    });
  }

  function renderNav() {
    var max = allowedMax();
    document.querySelectorAll('#nav-groups button').forEach(function (button) {
      var item = state.byPosition[Number(button.dataset.position)];
      var words = ['第 ' + item.position + ' 题', answered(item) ? '已作答' : '未作答'];
      if (item.flagged) {
        words.push('已标记待复查');
      }
      button.classList.toggle('answered', answered(item));
      button.classList.toggle('flagged', !!item.flagged);
      button.classList.toggle('current', item.position === state.current);
      if (item.position === state.current) {
        button.setAttribute('aria-current', 'true');
      } else {
        button.removeAttribute('aria-current');
      }
      button.disabled = item.position > max;
      button.setAttribute('aria-label', words.join('，'));
    });
  }

  function renderQuestion() {
    var item = state.byPosition[state.current];
    var title = $('question-title');
    title.textContent = '第 ' + item.position + ' 题（' + item.typeLabel + '，' + item.points + ' 分）';
    title.tabIndex = -1;
    $('question-stem').textContent = item.stem;
    var area = $('question-answer');
    area.textContent = '';
    if (item.type === 'SHORT_ANSWER') {
      renderText(area, item);
    } else {
      renderChoices(area, item);
    }
    var flag = $('flag-question');
    flag.setAttribute('aria-pressed', String(!!item.flagged));
    flag.textContent = item.flagged ? '取消标记' : '标记待复查';
    $('prev-question').disabled = item.position <= 1;
    $('next-question').disabled = item.position >= state.items.length
      || (state.sequential && !answered(item));
    showError();
  }

  function renderChoices(area, item) {
    var multiple = item.type === 'MULTIPLE_CHOICE';
    var chosen = answered(item) ? item.response.split(',') : [];
    var fieldset = document.createElement('fieldset');
    var legend = document.createElement('legend');
    legend.className = 'sr-only';
    legend.textContent = '第 ' + item.position + ' 题的答案' + (multiple ? '（可多选）' : '');
    fieldset.appendChild(legend);
    if (multiple) {
      var hint = document.createElement('p');
      hint.className = 'muted';
      hint.textContent = '多项选择：请选择所有正确的选项。';
      fieldset.appendChild(hint);
    }
    item.options.forEach(function (option) {
      var row = document.createElement('div');
      row.className = 'option';
      var input = document.createElement('input');
      input.type = multiple ? 'checkbox' : 'radio';
      input.name = 'answer-' + item.position;
      input.id = 'option-' + item.position + '-' + option.label;
      input.value = option.label;
      input.checked = chosen.indexOf(option.label) >= 0;
      input.addEventListener('change', function () {
        var values = Array.prototype.filter.call(fieldset.querySelectorAll('input'), function (i) { return i.checked; })
          .map(function (i) { return i.value; }).sort();
        change(item, values.length ? values.join(',') : null, 0);
      });
      var label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = item.type === 'TRUE_FALSE' ? option.text : option.label + '. ' + option.text;
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
    });
    area.appendChild(fieldset);
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'clear-answer';
    clear.textContent = '清除本题答案';
    clear.disabled = !answered(item);
    clear.addEventListener('click', function () {
      if (state.sequential && laterAnswered(item.position)) {
        state.errors[item.position] = '本场考试须按顺序依次作答：后面的题目已作答，本题答案可以修改，但不能清空。';
        return showError();
      }
      change(item, null, 0);
      renderQuestion();
    });
    area.appendChild(clear);
  }

  function renderText(area, item) {
    var label = document.createElement('label');
    label.htmlFor = 'short-answer';
    label.textContent = '作答（不超过 4000 字）';
    var text = document.createElement('textarea');
    text.id = 'short-answer';
    text.maxLength = 4000;
    text.value = item.response || '';
    var counter = document.createElement('p');
    counter.className = 'counter';
    counter.setAttribute('aria-live', 'off');
    function count() {
      counter.textContent = '已输入 ' + text.value.length + ' / 4000 字';
    }
    text.addEventListener('input', function () {
      count();
      change(item, text.value === '' ? null : text.value, 800);
    });
    text.addEventListener('blur', function () { commit(); });
    count();
    area.appendChild(label);
    area.appendChild(text);
    area.appendChild(counter);
  }

  function laterAnswered(position) {
    return state.items.some(function (other) { return other.position > position && answered(other); });
  }

  function showError() {
    var message = state.errors[state.current];
    var box = $('question-error');
    box.hidden = !message;
    box.textContent = message || '';
  }

  // ---------------------------------------------------------------- saving

  /** A change on the page: shown at once, written to the outbox within the delay (at most 1.5 s), then sent. */
  function change(item, response, delay) {
    if (state.ended || state.timeUp) {
      return;
    }
    item.response = response;
    state.dirty[item.position] = true;
    delete state.errors[item.position];
    renderNav();
    if (state.sequential) {
      $('next-question').disabled = item.position >= state.items.length || !answered(item);
    }
    updateStatus();
    clearTimeout(commitTimer);
    commitTimer = setTimeout(commit, delay);
    if (!commitMaxTimer) {
      commitMaxTimer = setTimeout(commit, 1500);
    }
  }

  function nextSequence() {
    state.lastSeq = Math.max(state.lastSeq + 1, state.serverMaxSeq + 1, Date.now() * 1000);
    return state.lastSeq;
  }

  /** Writes the changed items to the outbox, each with a new client sequence, then sends. */
  function commit() {
    clearTimeout(commitTimer);
    clearTimeout(commitMaxTimer);
    commitTimer = null;
    commitMaxTimer = null;
    var positions = Object.keys(state.dirty).map(Number);
    state.dirty = {};
    state.committing += positions.length;
    commitChain = commitChain.then(function () {
      return positions.reduce(function (chain, position) {
        var item = state.byPosition[position];
        return chain.then(function () {
          var seq = nextSequence();
          return store.add(number, {
            kind: 'save', position: position, response: item.response === undefined ? null : item.response,
            flagged: !!item.flagged, clientSequence: seq, changedAt: new Date().toISOString()
          }, seq);
        }).finally(function () { state.committing--; });
      }, Promise.resolve());
    });
    return commitChain.then(function () {
      if (positions.length) {
        updateStatus();
        flush();
      }
    });
  }

  /** Sends the outbox in order, one request at a time; resolves true when it is empty. */
  function flush() {
    if (state.flushing) {
      state.flushAgain = true;
      return state.flushing;
    }
    state.flushing = drain().catch(function () { return false; }).then(function (done) {
      state.flushing = null;
      if (state.flushAgain) {
        state.flushAgain = false;
        return flush();
      }
      updateStatus();
      return done;
    });
    updateStatus();
    return state.flushing;
  }

  async function drain() {
    for (;;) {
      var entries = await store.list(number);
      state.outbox = entries;
      updateStatus();
      if (!entries.length) {
        return true;
      }
      var entry = entries[0];
      if (entry.kind === 'save' && entries.some(function (e) {
        return e.kind === 'save' && e.position === entry.position && e.id > entry.id;
      })) {
        await store.remove(entry.id); // a later change of the same item follows: this one would be stale
        continue;
      }
      var res;
      try {
        res = entry.kind === 'save'
          ? await call('PUT', api + '/answers/' + entry.position,
            { response: entry.response, flagged: entry.flagged, clientSequence: entry.clientSequence })
          : await call('POST', api + '/proctoring-events',
            { type: entry.type, detail: entry.detail, occurredAt: entry.occurredAt });
      } catch (networkDown) {
        goOffline();
        return false;
      }
      if (res.status >= 500 || (!res.data && !res.ok)) {
        goOffline(); // a gateway or proxy answered: the server is unreachable for now
        return false;
      }
      backOnline();
      if (res.ok) {
        await store.remove(entry.id);
        if (entry.kind === 'save') {
          saved(entry, res.data);
        } else {
          reported(entry, res.data);
        }
        continue;
      }
      if (res.status === 401 || res.status === 403) {
        state.signedOut = true; // kept in the outbox until the candidate signs in again
        return false;
      }
      state.signedOut = false;
      if (ENDED_CODES.indexOf(res.data.code) >= 0) {
        await resync(); // the server ended the sitting: what is left stays for the rescue file
        return false;
      }
      await store.remove(entry.id); // refused for this entry only: say why
      if (entry.kind === 'save') {
        state.errors[entry.position] = '第 ' + entry.position + ' 题未保存：' + res.data.message;
        if (entry.position === state.current) {
          showError();
        }
      }
    }
  }

  function pendingFor(position) {
    return state.dirty[position] || state.outbox.some(function (e) {
      return e.kind === 'save' && e.position === position;
    });
  }

  /** The server's receipt: it holds the answer it returns (a stale save changes nothing there). */
  function saved(entry, receipt) {
    state.serverMaxSeq = Math.max(state.serverMaxSeq, receipt.clientSequence);
    state.lastSavedAt = new Date();
    state.outbox = state.outbox.filter(function (e) { return e.id !== entry.id; });
    syncClock(receipt.remainingSeconds);
    var item = state.byPosition[entry.position];
    if (item && !pendingFor(entry.position)) {
      var held = receipt.response === undefined ? null : receipt.response;
      var differs = held !== (item.response === undefined ? null : item.response) || receipt.flagged !== !!item.flagged;
      item.response = held;
      item.flagged = receipt.flagged;
      item.clientSequence = receipt.clientSequence;
      item.savedAt = receipt.savedAt;
      if (receipt.outcome === 'STALE' && differs) {
        state.errors[entry.position] = '第 ' + entry.position + ' 题的答案已在其他窗口或设备上更新，本页已显示服务器上保存的答案。';
      }
      renderNav();
      if (differs && entry.position === state.current) {
        renderQuestion();
      }
    }
  }

  function setStatus(kind, text) {
    var box = $('save-status');
    box.className = 'save-status' + (kind ? ' ' + kind : '');
    box.textContent = text;
  }

  /** 已保存 / 正在保存 / 离线: from the outbox and the last answers of the server, never from hope. */
  function updateStatus() {
    if (!state.started || state.ended) {
      return;
    }
    var unsent = state.outbox.filter(function (e) { return e.kind === 'save'; }).length + Object.keys(state.dirty).length
      + state.committing;
    var rescue = document.querySelector('#offline-panel .rescue-download');
    $('offline-panel').hidden = !state.offline;
    rescue.hidden = unsent === 0;
    if (state.timeUp) {
      return;
    }
    var writing = Object.keys(state.dirty).length + state.committing > 0;
    if (state.signedOut) {
      setStatus('error', '登录已失效，' + unsent + ' 条答案保存在本机未上传。请在新标签页重新登录，然后刷新本页面。');
    } else if (state.offline && writing) {
      setStatus('offline', '离线，正在把答案保存到本机…');
    } else if (state.offline) {
      setStatus('offline', store.persistent
        ? '离线，答案已保存在本机（' + unsent + ' 条待上传）'
        : '离线，答案暂存在本页面（' + unsent + ' 条待上传），请勿关闭或刷新页面');
    } else if (unsent > 0 || state.flushing) {
      setStatus('saving', '正在保存…');
    } else if (Object.keys(state.errors).length) {
      var first = Object.keys(state.errors)[0];
      setStatus('error', state.errors[first]);
    } else {
      setStatus('saved', state.lastSavedAt
        ? '已保存 ' + state.lastSavedAt.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
        : '已保存');
    }
  }

  function goOffline() {
    if (!state.offline) {
      state.offline = true;
      state.offlineSince = Date.now();
    }
    warnQueuedLeaves();
    updateStatus();
    if (!state.retryTimer) {
      state.retryTimer = setTimeout(function () {
        state.retryTimer = null;
        flush();
      }, state.retryDelay);
      state.retryDelay = Math.min(state.retryDelay * 2, 10000);
    }
  }

  function backOnline() {
    state.retryDelay = 1000;
    if (state.offline) {
      state.offline = false;
      var seconds = Math.round((Date.now() - state.offlineSince) / 1000);
      report('NETWORK_LOST', '网络中断约 ' + seconds + ' 秒后恢复');
    }
  }

  // ---------------------------------------------------------------- proctoring

  function report(type, detail) {
    if (!state.started) {
      return;
    }
    var entry = { kind: 'event', type: type, detail: detail, occurredAt: new Date().toISOString() };
    commitChain = commitChain.then(function () { return store.add(number, entry, state.lastSeq); });
    commitChain.then(function () {
      if (state.offline) {
        warnQueuedLeaves();
      }
      flush();
    });
  }

  /** The server's receipt for an event: its count, its warning, and whether it ended the sitting. */
  function reported(entry, receipt) {
    state.leaves = receipt.pageLeaves;
    $('leave-count').textContent = state.leaves;
    if (receipt.terminated) {
      return showEnded('TERMINATED', '违反考试纪律，系统终止作答', receipt.warning);
    }
    if (LEAVES.indexOf(entry.type) >= 0 && state.warnedLocally[entry.id]) {
      return; // already warned while offline, with the same count
    }
    if (['PAGE_LEFT', 'WINDOW_BLUR', 'COPY', 'PASTE', 'CONTEXT_MENU'].indexOf(entry.type) >= 0) {
      showWarning(receipt.warning);
    }
  }

  /** Offline, the page counts leaves itself (the server's count plus those queued) and warns at once. */
  function warnQueuedLeaves() {
    store.list(number).then(function (entries) {
      var queued = entries.filter(function (e) { return e.kind === 'event' && LEAVES.indexOf(e.type) >= 0; });
      queued.forEach(function (e, i) {
        if (state.warnedLocally[e.id]) {
          return;
        }
        state.warnedLocally[e.id] = true;
        var count = state.leaves + i + 1;
        $('leave-count').textContent = count;
        if (count >= state.limit) {
          showEnded('TERMINATED', '违反考试纪律，系统终止作答', '您已第 ' + count + ' 次离开答题页面，按考试纪律考试已结束。'
            + '网络恢复后本页面会将记录上报服务器。');
        } else {
          showWarning('警告：第 ' + count + ' 次离开答题页面（网络恢复后上报），满 ' + state.limit + ' 次将自动结束考试。');
        }
      });
    });
  }

  function showWarning(text) {
    if (state.ended || !text) {
      return;
    }
    $('warning-text').textContent = text;
    $('warning-dialog').hidden = false;
    $('warning-ok').focus();
  }

  function installProctoring() {
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        leave('PAGE_LEFT', '页面被隐藏（切换标签页、最小化窗口或切换到其他程序）');
      } else {
        back();
      }
    });
    window.addEventListener('blur', function () {
      if (state.away || state.blurTimer) {
        return;
      }
      // A tab switch blurs the window just before hiding the page: wait to tell the two apart.
      state.blurTimer = setTimeout(function () {
        state.blurTimer = null;
        if (document.visibilityState === 'visible') {
          leave('WINDOW_BLUR', '答题窗口失去焦点，页面仍可见（切换到其他窗口、弹窗或第二个屏幕）');
        }
      }, BLUR_GRACE_MS);
    });
    window.addEventListener('focus', function () {
      if (state.blurTimer) {
        clearTimeout(state.blurTimer); // focus came back within the grace: no leave
        state.blurTimer = null;
      }
      back();
    });
    document.addEventListener('copy', function (e) { guard(e, 'COPY', '复制'); });
    document.addEventListener('cut', function (e) { guard(e, 'COPY', '剪切'); });
    document.addEventListener('paste', function (e) { guard(e, 'PASTE', '粘贴（第 ' + state.current + ' 题）'); });
    document.addEventListener('contextmenu', function (e) { guard(e, 'CONTEXT_MENU', '右键菜单'); });
    // A refresh or closing the page hides it too: that is no leave (the notice allows refreshing; coming back is
    // reported as PAGE_RELOADED). beforeunload comes before the page is hidden; if the page is still here a moment
    // later, nothing was unloaded.
    window.addEventListener('beforeunload', function () {
      commit(); // typing not yet written to the outbox
      state.unloading = true;
      setTimeout(function () { state.unloading = false; }, 1000);
    });
    window.addEventListener('online', function () { flush(); });
    window.addEventListener('offline', goOffline);
    window.addEventListener('resize', checkEnvironment);
  }

  /** One departure is one leave, however many events it fires, until the page is visible and focused again. */
  function leave(type, detail) {
    if (state.ended || state.away || state.unloading) {
      return;
    }
    if (state.blurTimer) {
      clearTimeout(state.blurTimer);
      state.blurTimer = null;
    }
    state.away = type;
    commit();
    report(type, detail);
  }

  function back() {
    if (document.visibilityState === 'visible' && document.hasFocus()) {
      state.away = null;
    }
  }

  function guard(event, type, detail) {
    if (!state.started || state.ended) {
      return;
    }
    event.preventDefault();
    report(type, detail);
  }

  /** What the notice demands of the window, re-checked whenever it changes (estimates, so warnings only). */
  function checkEnvironment() {
    var box = $('env-warnings');
    box.textContent = '';
    var ratio = window.outerWidth && window.innerWidth ? window.outerWidth / window.innerWidth : 1;
    var pinch = window.visualViewport ? window.visualViewport.scale : 1;
    var problems = [];
    if (Math.abs(ratio - 1) > 0.05 || Math.abs(pinch - 1) > 0.01) {
      problems.push('浏览器显示比例约为 ' + Math.round(100 / ratio) + '%，请按 Ctrl+0（Mac 为 ⌘+0）恢复为 100%。');
    }
    if (screen.availWidth - window.outerWidth > 16 || screen.availHeight - window.outerHeight > 16) {
      problems.push('答题窗口没有最大化，请将浏览器窗口最大化。');
    }
    problems.forEach(function (text) {
      var p = document.createElement('p');
      p.textContent = text;
      box.appendChild(p);
    });
  }

  // ---------------------------------------------------------------- submit and the end

  function openSubmit() {
    commit();
    var unanswered = state.items.filter(function (item) { return !answered(item); }).map(function (i) { return i.position; });
    var flagged = state.items.filter(function (item) { return item.flagged; }).map(function (i) { return i.position; });
    var summary = $('submit-summary');
    summary.textContent = '';
    function line(text, cls) {
      var p = document.createElement('p');
      p.textContent = text;
      if (cls) {
        p.className = cls;
      }
      summary.appendChild(p);
    }
    line('本卷共 ' + state.items.length + ' 题，已作答 ' + (state.items.length - unanswered.length) + ' 题。');
    line(unanswered.length ? '未作答（' + unanswered.length + ' 题）：第 ' + unanswered.join('、') + ' 题' : '所有题目均已作答。',
      unanswered.length ? 'error' : 'notice');
    if (flagged.length) {
      line('标记待复查（' + flagged.length + ' 题）：第 ' + flagged.join('、') + ' 题', 'error');
    }
    line('交卷后不能再修改答案。确认交卷吗？');
    $('submit-error').hidden = true;
    $('submit-rescue').hidden = true;
    $('submit-confirm').disabled = false;
    $('submit-dialog').hidden = false;
    $('submit-cancel').focus();
  }

  function confirmSubmit() {
    var button = $('submit-confirm');
    button.disabled = true;
    button.textContent = '正在交卷…';
    commit().then(flush).then(function (done) {
      if (!done) {
        throw new Error('unsent');
      }
      return call('POST', api + '/submit');
    }).then(function (res) {
      if (res.ok) {
        return showEnded(res.data.status, res.data.statusLabel);
      }
      if (ENDED_CODES.indexOf(res.data && res.data.code) >= 0) {
        return resync();
      }
      throw new Error((res.data && res.data.message) || 'HTTP ' + res.status);
    }).catch(function (e) {
      var unsent = state.outbox.filter(function (x) { return x.kind === 'save'; }).length;
      $('submit-error').textContent = e.message === 'unsent' || unsent
        ? '网络中断，仍有 ' + unsent + ' 条答案没有上传到服务器，暂不能交卷。请检查网络，恢复后再交卷；'
          + '如网络无法恢复，请下载加密救援文件并联系考务客服（' + cfg.supportContact + '）。'
        : '交卷失败：' + e.message;
      $('submit-error').hidden = false;
      $('submit-rescue').hidden = !unsent;
      button.disabled = false;
      button.textContent = '确认交卷';
    });
  }

  function showEnded(status, label, reason) {
    state.ended = true;
    var reasons = {
      SUBMITTED: '您已交卷，答案已提交到服务器。',
      TIMED_OUT: '考试时间到，系统已自动交卷。此前保存到服务器的答案均已提交。',
      TERMINATED: '您已累计 ' + state.limit + ' 次离开答题页面，按考试纪律系统已自动终止作答，考试已结束。',
      ABSENT: '您没有参加本场考试（缺考）。'
    };
    $('ended-title').textContent = '考试已结束：' + (label || status);
    $('ended-reason').textContent = reason || reasons[status] || '';
    $('exam-ended').hidden = false;
    $('exam-body').hidden = true;
    $('submit-dialog').hidden = true;
    $('warning-dialog').hidden = true;
    $('offline-panel').hidden = true;
    $('submit-exam').disabled = true;
    $('remaining').textContent = '0:00:00';
    setStatus('', label || '');
    var done = store ? store.list(number) : Promise.resolve([]);
    return done.then(function (entries) {
      var unsent = entries.filter(function (e) { return e.kind === 'save'; }).length;
      $('ended-unsent').textContent = unsent;
      $('ended-rescue').hidden = unsent === 0;
      if (unsent > 0) {
        flush(); // if the network is back and the server still takes them (a leave ended the page offline)
      }
    });
  }

  // ---------------------------------------------------------------- rescue file

  function base64(bytes) {
    var text = '';
    new Uint8Array(bytes).forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text);
  }

  function unbase64(text) {
    return Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
  }

  /**
   * The answers as the page knows them (the outbox's latest change per item, else the server's), with the
   * events not yet sent, encrypted with AES-GCM under the sitting's key; the clear envelope is the additional data.
   */
  async function rescueFile() {
    await commit();
    var entries = await store.list(number);
    var latest = {};
    entries.filter(function (e) { return e.kind === 'save'; }).forEach(function (e) {
      if (!latest[e.position] || latest[e.position].clientSequence < e.clientSequence) {
        latest[e.position] = e;
      }
    });
    var answers = [];
    state.items.forEach(function (item) {
      if (!latest[item.position] && item.clientSequence > 0) {
        answers.push({ position: item.position, response: item.response, flagged: !!item.flagged,
          clientSequence: item.clientSequence, changedAt: item.savedAt });
      }
    });
    Object.keys(latest).forEach(function (position) {
      var e = latest[position];
      answers.push({ position: e.position, response: e.response, flagged: e.flagged, clientSequence: e.clientSequence,
        changedAt: e.changedAt });
    });
    answers.sort(function (a, b) { return a.position - b.position; });
    var events = entries.filter(function (e) { return e.kind === 'event'; }).map(function (e) {
      return { type: e.type, detail: e.detail, occurredAt: e.occurredAt };
    });
    var createdAt = new Date().toISOString();
    var content = { applicationNumber: number, sittingId: cfg.sittingId, createdAt: createdAt, answers: answers, events: events };
    var key = await crypto.subtle.importKey('raw', unbase64(cfg.rescueKey), 'AES-GCM', false, ['encrypt']);
    var iv = crypto.getRandomValues(new Uint8Array(12));
    var encoder = new TextEncoder();
    var data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv, tagLength: 128, additionalData: encoder.encode('cabr-exam-rescue|1|' + number + '|' + createdAt) },
      key, encoder.encode(JSON.stringify(content)));
    return JSON.stringify({ format: 'cabr-exam-rescue', version: 1, applicationNumber: number, createdAt: createdAt,
      iv: base64(iv), data: base64(data) });
  }

  function downloadRescue() {
    rescueFile().then(function (text) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      link.download = '考试救援文件-' + number + '.cabr-rescue';
      document.body.appendChild(link);
      link.click();
      setTimeout(function () {
        URL.revokeObjectURL(link.href);
        link.remove();
      }, 10000);
    }).catch(function (e) {
      alert('无法生成救援文件：' + e.message + '。请不要关闭本页面，并立即联系考务客服（' + cfg.supportContact + '）。');
    });
  }

  // ---------------------------------------------------------------- wiring

  $('prev-question').addEventListener('click', function () { goTo(state.current - 1, true); });
  $('next-question').addEventListener('click', function () { goTo(state.current + 1, true); });
  $('flag-question').addEventListener('click', function () {
    var item = state.byPosition[state.current];
    item.flagged = !item.flagged;
    change(item, item.response === undefined ? null : item.response, 0);
    renderQuestion();
  });
  $('submit-exam').addEventListener('click', openSubmit);
  $('submit-cancel').addEventListener('click', function () {
    $('submit-dialog').hidden = true;
    $('submit-exam').focus();
  });
  $('submit-confirm').addEventListener('click', confirmSubmit);
  $('warning-ok').addEventListener('click', function () {
    $('warning-dialog').hidden = true;
    var title = $('question-title');
    if (title) {
      title.focus();
    }
  });
  document.querySelectorAll('.rescue-download').forEach(function (button) {
    button.addEventListener('click', downloadRescue);
  });
  start();
})();
