/*
 * Identity check-in before the exam. face-api (vendored, MIT) finds and describes faces in the browser: in the live
 * camera picture and in the candidate's own application photo and ID-card photo. Only the 128-number descriptors,
 * the live picture and the picture holding the ID card go to the server, which compares the descriptors and decides;
 * when they do not match closely enough, a proctor decides and this page waits and updates itself.
 */
(function () {
  'use strict';

  var config = window.IDENTITY_CONFIG;
  var statusLine = document.getElementById('identity-status');
  var errorLine = document.getElementById('identity-error');
  var decisionLine = document.getElementById('identity-decision');
  var video = document.getElementById('identity-camera');
  var captureLive = document.getElementById('capture-live');
  var captureHeld = document.getElementById('capture-held');
  var submit = document.getElementById('submit-identity');
  var enter = document.getElementById('enter-paper');
  var POLL_MS = 3000;
  var state = { live: null, liveFaces: 0, held: null, photo: undefined, idCard: undefined, busy: false };
  var stream = null;
  var pollTimer = null;
  var retryable = true;
  var captureStarted = false;
  var rendered = false;

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function call(method, url, body) {
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
      credentials: 'same-origin', cache: 'no-store'
    }).then(function (r) {
      return r.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
        return { ok: r.ok, status: r.status, data: data };
      });
    });
  }

  function say(text) {
    statusLine.textContent = text;
  }

  /** The last decision on the check-in (a refusal with its reason, the attempts left), kept while the page works. */
  function decide(text) {
    decisionLine.textContent = text;
    decisionLine.hidden = !text;
  }

  function fail(text) {
    errorLine.textContent = text;
    errorLine.hidden = !text;
  }

  function detectorOptions(size) {
    return new faceapi.TinyFaceDetectorOptions({ inputSize: size, scoreThreshold: 0.4 });
  }

  /** All faces in the image with their descriptors, largest first. */
  function describe(input, size) {
    return faceapi.detectAllFaces(input, detectorOptions(size)).withFaceLandmarks(true).withFaceDescriptors()
      .then(function (faces) {
        return faces.sort(function (a, b) { return b.detection.box.area - a.detection.box.area; });
      });
  }

  /** The descriptor of the largest face in one of the candidate's documents, or null when none is found. */
  function documentDescriptor(url) {
    if (!url) {
      return Promise.resolve(null);
    }
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok || !/^image\//.test(r.headers.get('Content-Type') || '')) {
        return null;
      }
      return r.blob().then(function (blob) {
        return new Promise(function (resolve) {
          var img = new Image();
          img.onload = function () {
            describe(img, 608).then(function (faces) {
              URL.revokeObjectURL(img.src);
              resolve(faces.length ? Array.from(faces[0].descriptor) : null);
            }, function () { resolve(null); });
          };
          img.onerror = function () { resolve(null); };
          img.src = URL.createObjectURL(blob);
        });
      });
    }).catch(function () { return null; });
  }

  function snapshot() {
    var canvas = document.createElement('canvas');
    var scale = Math.min(1, 640 / (video.videoWidth || 640));
    canvas.width = Math.round((video.videoWidth || 640) * scale);
    canvas.height = Math.round((video.videoHeight || 480) * scale);
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas;
  }

  function refreshButtons() {
    var ready = stream && !state.busy && state.photo !== undefined;
    captureLive.disabled = !ready;
    captureHeld.disabled = !ready;
    submit.disabled = !ready || !state.live || !state.held;
  }

  function onCaptureLive() {
    state.busy = true;
    refreshButtons();
    fail('');
    var canvas = snapshot();
    describe(canvas, 416).then(function (faces) {
      state.liveFaces = faces.length;
      var result = document.getElementById('live-result');
      if (faces.length !== 1) {
        state.live = null;
        result.textContent = faces.length === 0 ? '未检测到人脸' : '检测到 ' + faces.length + ' 张人脸';
        fail(faces.length === 0 ? '未检测到人脸：请正对摄像头，调整光线后重新拍摄。' : '画面中有多张人脸：请确保画面中只有您本人。');
      } else {
        state.live = { descriptor: Array.from(faces[0].descriptor), image: canvas.toDataURL('image/jpeg', 0.85) };
        try { // the answer page compares its periodic face checks with this face
          sessionStorage.setItem('identity-descriptor-' + config.number, JSON.stringify(state.live.descriptor));
        } catch (e) { /* private mode: the answer page then checks only for no face and several faces */ }
        result.textContent = '已拍摄';
        show('live-preview', state.live.image);
      }
    }).catch(function () {
      fail('人脸识别出错，请刷新页面后重试。');
    }).finally(function () {
      state.busy = false;
      refreshButtons();
    });
  }

  function onCaptureHeld() {
    var image = snapshot().toDataURL('image/jpeg', 0.85);
    state.held = image;
    document.getElementById('held-result').textContent = '已拍摄';
    show('held-preview', image);
    refreshButtons();
  }

  function show(id, src) {
    var img = document.getElementById(id);
    img.src = src;
    img.hidden = false;
  }

  function onSubmit() {
    state.busy = true;
    refreshButtons();
    fail('');
    say('正在提交核验…');
    call('POST', config.statusUrl, {
      liveDescriptor: state.live.descriptor, liveFaceCount: state.liveFaces, liveImage: state.live.image,
      idCardHeldImage: state.held, photoDescriptor: state.photo, idCardDescriptor: state.idCard
    }).then(function (r) {
      if (r.ok) {
        render(r.data);
      } else {
        fail((r.data && r.data.message) || '提交失败（' + r.status + '），请重试。');
        say('请重新拍摄后提交。');
      }
    }, function () {
      fail('网络中断，未能提交，请检查网络后重试。');
    }).finally(function () {
      state.busy = false;
      refreshButtons();
    });
  }

  function render(view) {
    clearTimeout(pollTimer);
    if (!view) {
      return;
    }
    decide('');
    if (view.mayEnter) {
      say(view.statusLabel + '，请点击“进入考试”。');
      enter.hidden = false;
      document.getElementById('capture-card').hidden = true;
      stopCamera();
      enter.focus();
    } else if (view.status === 'AWAITING_PROCTOR') {
      say(view.escalated
        ? '核验时间比预期长：监考员尚未处理，已同时通知考务管理员。请继续在本页等待，页面会自动更新；如需帮助请联系考务客服（'
          + view.supportContact + '）。'
        : '人脸比对未通过，已转监考员人工核验，请在本页等待（通常几分钟内），页面会自动更新。');
      document.getElementById('capture-card').hidden = true;
      pollTimer = setTimeout(poll, POLL_MS);
    } else if (view.status === 'REFUSED' && view.finalRefusal) {
      say('身份核验未通过');
      decide('监考员未能确认您的身份：' + (view.reason || '') + '。您的 ' + view.attemptsAllowed
        + ' 次身份核验机会已用完，不能参加本场考试。如有异议，请联系考务客服：' + view.supportContact + '。');
      document.getElementById('capture-card').hidden = true;
      stopCamera();
      retryable = false;
    } else if (view.status === 'REFUSED') {
      decide('监考员未能确认您的身份：' + (view.reason || '') + '。您还可以重新核验 ' + view.attemptsLeft
        + ' 次：请重新拍摄后再次提交；如有疑问请联系考务客服（' + view.supportContact + '）。');
      document.getElementById('capture-card').hidden = false;
      retryWhenReady();
    } else if (view.status === 'EXPIRED') {
      decide('人工核验超时未完成（不计入核验次数）：请重新拍摄后再次提交；如需帮助请联系考务客服（' + view.supportContact + '）。');
      document.getElementById('capture-card').hidden = false;
      retryWhenReady();
    }
  }

  /** After the first render (start() decides then), a refusal seen while waiting needs the camera again. */
  function retryWhenReady() {
    if (rendered) {
      state.live = null;
      state.held = null;
      prepareCapture();
    }
  }

  function poll() {
    call('GET', config.statusUrl).then(function (r) {
      if (r.ok) {
        render(r.data);
      } else {
        pollTimer = setTimeout(poll, POLL_MS);
      }
    }, function () {
      pollTimer = setTimeout(poll, POLL_MS * 2);
    });
  }

  function stopCamera() {
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
  }

  function start() {
    render(config.status);
    rendered = true;
    if (!retryable || config.status && (config.status.mayEnter || config.status.status === 'AWAITING_PROCTOR')) {
      return;
    }
    prepareCapture();
  }

  /** Camera and models, once: at the start, or when a proctor's refusal (seen while waiting) allows another try. */
  function prepareCapture() {
    if (captureStarted) {
      return;
    }
    captureStarted = true;
    if (!window.faceapi || !navigator.mediaDevices) {
      fail('浏览器不支持人脸核验，请使用电脑上的谷歌 Chrome 浏览器。');
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: true, audio: false }).then(function (s) {
      stream = s;
      video.srcObject = s;
      refreshButtons();
    }, function () {
      fail('无法打开摄像头：请在浏览器中允许本网站使用摄像头，然后刷新页面。');
    });
    say('正在加载人脸识别模型…');
    Promise.all([
      faceapi.nets.tinyFaceDetector.loadFromUri(config.modelUrl),
      faceapi.nets.faceLandmark68TinyNet.loadFromUri(config.modelUrl),
      faceapi.nets.faceRecognitionNet.loadFromUri(config.modelUrl)
    ]).then(function () {
      say('正在读取您的报名照片和身份证照片…');
      return Promise.all([documentDescriptor(config.photoUrl), documentDescriptor(config.idCardUrl)]);
    }).then(function (refs) {
      state.photo = refs[0];
      state.idCard = refs[1];
      say('准备就绪：请先拍摄人脸照片，再拍摄手持身份证照片，然后提交核验。');
      refreshButtons();
    }).catch(function () {
      fail('人脸识别模型加载失败，请检查网络后刷新页面。');
    });
  }

  captureLive.addEventListener('click', onCaptureLive);
  captureHeld.addEventListener('click', onCaptureHeld);
  submit.addEventListener('click', onSubmit);
  enter.addEventListener('click', stopCamera);
  window.addEventListener('pagehide', stopCamera);
  start();
})();
