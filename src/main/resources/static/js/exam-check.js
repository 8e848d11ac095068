/*
 * Device check before the exam: browser, camera, microphone, network round trips, zoom and window size. Camera,
 * microphone, network and browser must pass to enter; zoom and window size are the browser's estimates, so a
 * failure there is shown with what to do but does not block (the answer page keeps checking them).
 */
(function () {
  'use strict';

  var root = document.querySelector('main.exam-check');
  var number = root.dataset.number;
  var state = root.dataset.state;
  var REQUIRED = ['browser', 'camera', 'microphone', 'network'];
  var results = {};
  var stream = null;
  var meterTimer = null;

  function item(name) {
    return document.querySelector('#checks li[data-check="' + name + '"]');
  }

  function show(name, outcome, detail) {
    results[name] = outcome;
    var li = item(name);
    if (!li) {
      return;
    }
    var badge = li.querySelector('.badge');
    badge.className = 'badge ' + outcome;
    badge.textContent = { pending: '检测中', pass: '通过', fail: '未通过', warn: '需调整' }[outcome];
    li.querySelector('.check-detail').textContent = detail;
    summarize();
  }

  function summarize() {
    var enter = document.getElementById('enter-exam');
    var summary = document.getElementById('check-summary');
    if (!enter) {
      return;
    }
    var pending = Object.keys(results).filter(function (k) { return results[k] === 'pending'; });
    var failed = REQUIRED.filter(function (k) { return results[k] === 'fail'; });
    var adjust = ['zoom', 'window'].filter(function (k) { return results[k] !== 'pass'; });
    var ready = REQUIRED.every(function (k) { return results[k] === 'pass'; });
    var canEnter = ready && (state === 'OPEN' || state === 'IN_PROGRESS');
    enter.classList.toggle('disabled', !canEnter);
    enter.setAttribute('aria-disabled', String(!canEnter));
    if (pending.length) {
      summary.textContent = '正在检测…';
    } else if (failed.length) {
      summary.textContent = '有 ' + failed.length + ' 项必须通过的检测未通过，请按提示处理后点击“重新检测”。';
    } else if (!canEnter) {
      summary.textContent = '设备检测已通过。考试开始后本页面会自动刷新，届时即可进入考试。';
    } else if (adjust.length) {
      summary.textContent = '必须项已通过，可以进入考试；请先按提示调整显示比例和窗口，答题页面会持续提醒。';
    } else {
      summary.textContent = '全部检测通过，可以进入考试。';
    }
    if (ready) {
      try {
        sessionStorage.setItem('exam-device-check:' + number, new Date().toISOString());
      } catch (e) { /* storage unavailable: the answer page then asks again */ }
    }
  }

  function checkBrowser() {
    var ua = navigator.userAgent;
    var data = navigator.userAgentData;
    var brands = data && data.brands ? data.brands.map(function (b) { return b.brand; }) : [];
    var mobile = data ? data.mobile : /Android|iPhone|iPad|Mobile/i.test(ua);
    var other = /Edg\/|OPR\/|YaBrowser|QQBrowser|MetaSr|360SE|360EE|UCBrowser|Vivaldi|Firefox|FxiOS|CriOS/.test(ua);
    var chromium = brands.indexOf('Google Chrome') >= 0 || brands.indexOf('Chromium') >= 0 || /Chrome\/\d+/.test(ua);
    var version = (ua.match(/Chrome\/(\d+)/) || [])[1];
    if (mobile) {
      return show('browser', 'fail', '检测到手机或平板。考试须在电脑（台式机或笔记本）上使用谷歌 Chrome 浏览器参加。');
    }
    if (!chromium || other) {
      return show('browser', 'fail', '当前浏览器不是谷歌 Chrome。请安装并使用最新版 Chrome 浏览器打开本页面。');
    }
    if (version && Number(version) < 100) {
      return show('browser', 'fail', 'Chrome 版本 ' + version + ' 过旧，请升级到最新版本后重新打开本页面。');
    }
    if (!window.indexedDB || !(window.crypto && window.crypto.subtle)) {
      return show('browser', 'fail', '浏览器不支持本地暂存答案或加密（请确认通过 https 访问、未使用无痕模式），请更换电脑或联系考务客服。');
    }
    show('browser', 'pass', '谷歌 Chrome ' + (version || '') + '，支持断网时在本机暂存答案。');
  }

  function checkMedia() {
    show('camera', 'pending', '正在请求使用摄像头…');
    show('microphone', 'pending', '正在请求使用麦克风…');
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      show('camera', 'fail', '浏览器无法使用摄像头（请确认通过 https 访问并使用 Chrome）。');
      show('microphone', 'fail', '浏览器无法使用麦克风（请确认通过 https 访问并使用 Chrome）。');
      return Promise.resolve();
    }
    stopMedia();
    return navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (s) {
      stream = s;
      var video = s.getVideoTracks()[0];
      var audio = s.getAudioTracks()[0];
      document.getElementById('camera-preview').srcObject = s;
      show('camera', video && video.readyState === 'live' ? 'pass' : 'fail', video
        ? '摄像头可用（' + (video.label || '默认摄像头') + '）。请确认预览画面中能看清您的面部。'
        : '没有找到摄像头，请连接摄像头后点击“重新检测”。');
      show('microphone', audio && audio.readyState === 'live' ? 'pass' : 'fail', audio
        ? '麦克风可用（' + (audio.label || '默认麦克风') + '）。说话时下方音量条应有变化。'
        : '没有找到麦克风，请连接麦克风后点击“重新检测”。');
      if (audio) {
        meter(s);
      }
    }).catch(function (e) {
      var why = {
        NotAllowedError: '您拒绝了浏览器使用摄像头和麦克风。请点击地址栏左侧的图标，允许本网站使用摄像头和麦克风，然后点击“重新检测”。',
        NotFoundError: '没有找到摄像头或麦克风，请连接设备后点击“重新检测”。',
        NotReadableError: '摄像头或麦克风正被其他程序占用，请关闭其他视频或会议软件后点击“重新检测”。'
      }[e.name] || '无法打开摄像头和麦克风（' + e.name + '），请检查设备后点击“重新检测”。';
      show('camera', 'fail', why);
      show('microphone', 'fail', why);
    });
  }

  function meter(s) {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    try {
      var context = new Context();
      var analyser = context.createAnalyser();
      context.createMediaStreamSource(s).connect(analyser);
      var samples = new Uint8Array(analyser.fftSize);
      var level = document.getElementById('mic-level');
      meterTimer = setInterval(function () {
        analyser.getByteTimeDomainData(samples);
        var peak = 0;
        for (var i = 0; i < samples.length; i++) {
          peak = Math.max(peak, Math.abs(samples[i] - 128));
        }
        level.value = Math.min(100, Math.round(peak / 1.28));
      }, 200);
    } catch (e) { /* the level is a help, not a check */ }
  }

  function stopMedia() {
    if (meterTimer) {
      clearInterval(meterTimer);
      meterTimer = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
  }

  function checkNetwork() {
    show('network', 'pending', '正在测量与服务器之间的往返时间…');
    var times = [];
    var rounds = 5;
    function round(i) {
      if (i >= rounds) {
        var sorted = times.slice().sort(function (a, b) { return a - b; });
        var median = sorted[Math.floor(sorted.length / 2)];
        var list = times.map(function (t) { return t + ' ms'; }).join('、');
        if (median > 1000) {
          return show('network', 'fail', '网络延迟过高（中位数 ' + median + ' ms；' + list + '），请更换网络后点击“重新检测”。');
        }
        return show('network', 'pass', '服务器往返时间中位数 ' + median + ' ms（' + list + '）'
          + (median > 300 ? '，网络较慢，建议使用有线网络。' : '。'));
      }
      var started = performance.now();
      return fetch('/api/exam/ping?r=' + Date.now() + '-' + i, { cache: 'no-store', credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) {
            throw new Error('HTTP ' + r.status);
          }
          times.push(Math.round(performance.now() - started));
          return round(i + 1);
        }).catch(function () {
          show('network', 'fail', '无法连接考试服务器，请检查网络连接后点击“重新检测”。');
        });
    }
    return round(0);
  }

  /** Zoom from the outer and inner window widths: at 100% they are (nearly) equal, whatever the screen's density. */
  function checkZoom() {
    var ratio = window.outerWidth && window.innerWidth ? window.outerWidth / window.innerWidth : 1;
    var pinch = window.visualViewport ? window.visualViewport.scale : 1;
    var percent = Math.round(100 / ratio);
    if (Math.abs(ratio - 1) > 0.05 || Math.abs(pinch - 1) > 0.01) {
      show('zoom', 'warn', '浏览器显示比例约为 ' + percent + '%，请按 Ctrl+0（Mac 为 ⌘+0）恢复为 100%。'
        + '如已打开开发者工具请关闭。');
    } else {
      show('zoom', 'pass', '显示比例为 100%。');
    }
  }

  function checkWindow() {
    var slackX = screen.availWidth - window.outerWidth;
    var slackY = screen.availHeight - window.outerHeight;
    if (slackX > 16 || slackY > 16) {
      show('window', 'warn', '答题窗口没有最大化（窗口 ' + window.outerWidth + '×' + window.outerHeight + '，屏幕可用区域 '
        + screen.availWidth + '×' + screen.availHeight + '）。请双击浏览器标题栏或点击“最大化”按钮。');
    } else {
      show('window', 'pass', '窗口已最大化。');
    }
  }

  function runAll() {
    ['browser', 'camera', 'microphone', 'network', 'zoom', 'window'].forEach(function (k) { results[k] = 'pending'; });
    checkBrowser();
    checkZoom();
    checkWindow();
    checkMedia();
    checkNetwork();
  }

  if (state === 'ENDED') {
    return;
  }
  document.getElementById('recheck').addEventListener('click', runAll);
  document.getElementById('enter-exam').addEventListener('click', function (e) {
    if (this.classList.contains('disabled')) {
      e.preventDefault();
    } else {
      stopMedia();
    }
  });
  window.addEventListener('resize', function () {
    checkZoom();
    checkWindow();
  });
  window.addEventListener('pagehide', stopMedia);
  if (state === 'NOT_OPEN_YET' && root.dataset.opensAt) {
    // Reload when the exam opens (the case opens the sitting within seconds), with jitter so that thousands of
    // candidates do not arrive in the same second; then every 30 s until the sitting is there.
    var wait = Math.max(30000, Date.parse(root.dataset.opensAt) - Date.now() + 5000 + Math.random() * 20000);
    setTimeout(function () { location.reload(); }, Math.min(wait, 2147483000));
  }
  runAll();
})();
