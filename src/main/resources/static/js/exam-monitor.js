/*
 * Monitoring on the answer page: periodic face checks in the browser (no face for too long, more than one face, a
 * face unlike the one of the check-in, a covered or stopped camera), each reported as a proctoring event with a
 * snapshot as its evidence, and a snapshot at a low rate. The thresholds come from the server (session data).
 * Everything here is best effort: if the camera or the models are unavailable that is itself reported.
 */
(function () {
  'use strict';

  var cfg = window.EXAM_CONFIG;
  if (!cfg || !cfg.number || !navigator.mediaDevices) {
    return;
  }
  var api = '/api/applications/' + encodeURIComponent(cfg.number) + '/exam';
  var video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.setAttribute('aria-hidden', 'true');
  video.style.cssText = 'position:fixed;width:1px;height:1px;opacity:0;pointer-events:none;bottom:0;right:0';
  var settings = null;
  var reference = null;
  var noFaceSince = null;
  var episode = {};
  var lastSnapshot = 0;

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function send(method, url, body) {
    var headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    var token = cookie('XSRF-TOKEN');
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
    return fetch(url, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      return r.ok ? r.json() : null;
    });
  }

  function frame() {
    var canvas = document.createElement('canvas');
    var scale = Math.min(1, 480 / (video.videoWidth || 480));
    canvas.width = Math.round((video.videoWidth || 480) * scale);
    canvas.height = Math.round((video.videoHeight || 360) * scale);
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas;
  }

  function brightness(canvas) {
    var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    var sum = 0;
    for (var i = 0; i < data.length; i += 16) {
      sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    }
    return sum / (data.length / 16);
  }

  function snapshot(canvas, eventId) {
    lastSnapshot = Date.now();
    return send('POST', api + '/snapshots', { image: canvas.toDataURL('image/jpeg', 0.7), eventId: eventId })
      .catch(function () { /* evidence is best effort; the event itself is recorded */ });
  }

  /** Reports the event once per episode (until the condition clears), with a snapshot as its evidence. */
  function flag(type, detail, canvas) {
    if (episode[type]) {
      return;
    }
    episode[type] = true;
    send('POST', api + '/proctoring-events', { type: type, detail: detail, occurredAt: new Date().toISOString() })
      .then(function (receipt) {
        if (receipt && canvas) {
          snapshot(canvas, receipt.eventId);
        }
      }).catch(function () { episode[type] = false; });
  }

  function clear(type) {
    episode[type] = false;
  }

  function check() {
    if (document.hidden || video.readyState < 2) {
      return;
    }
    var canvas = frame();
    if (brightness(canvas) < settings.darkBrightness) {
      flag('CAMERA_OFF', '摄像头画面全黑，疑似被遮挡', canvas);
      return;
    }
    clear('CAMERA_OFF');
    faceapi.detectAllFaces(canvas, new faceapi.TinyFaceDetectorOptions({ inputSize: 320, scoreThreshold: 0.4 }))
      .withFaceLandmarks(true).withFaceDescriptors().then(function (faces) {
        if (faces.length === 0) {
          noFaceSince = noFaceSince || Date.now();
          var seconds = Math.round((Date.now() - noFaceSince) / 1000);
          if (seconds >= settings.noFaceSeconds) {
            flag('FACE_MISSING', '连续约 ' + seconds + ' 秒未检测到人脸', canvas);
          }
          return;
        }
        noFaceSince = null;
        clear('FACE_MISSING');
        if (faces.length > 1) {
          flag('MULTIPLE_FACES', '画面中检测到 ' + faces.length + ' 张人脸', canvas);
        } else {
          clear('MULTIPLE_FACES');
        }
        if (reference && faces.length === 1) {
          var distance = faceapi.euclideanDistance(reference, Array.from(faces[0].descriptor));
          if (distance >= settings.faceMatchThreshold) {
            flag('FACE_MISMATCH', '人脸与考前核验照片差异较大（距离 ' + distance.toFixed(2) + '）', canvas);
          } else {
            clear('FACE_MISMATCH');
          }
        }
        if (Date.now() - lastSnapshot >= settings.snapshotSeconds * 1000) {
          snapshot(canvas, null);
        }
      }).catch(function () { /* one failed check is skipped */ });
  }

  function start() {
    try {
      reference = JSON.parse(sessionStorage.getItem('identity-descriptor-' + cfg.number) || 'null');
    } catch (e) {
      reference = null;
    }
    send('GET', api + '/monitoring').then(function (s) {
      if (!s || !s.enabled) {
        return null; // this session is not camera-proctored
      }
      settings = s;
      lastSnapshot = Date.now();
      return Promise.all([
        faceapi.nets.tinyFaceDetector.loadFromUri(s.modelUrl),
        faceapi.nets.faceLandmark68TinyNet.loadFromUri(s.modelUrl),
        faceapi.nets.faceRecognitionNet.loadFromUri(s.modelUrl)
      ]).then(function () {
        return navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      }).then(function (stream) {
        document.body.appendChild(video);
        video.srcObject = stream;
        video.play();
        stream.getVideoTracks().forEach(function (track) {
          track.addEventListener('ended', function () { flag('CAMERA_OFF', '摄像头已关闭或断开', null); });
        });
        setInterval(check, s.checkSeconds * 1000);
      }, function () {
        flag('CAMERA_OFF', '无法打开摄像头（未授权或设备被占用）', null);
      });
    }).catch(function () { /* monitoring unavailable: the server sees missing heartbeats */ });
  }

  // face-api (1.3 MB) is loaded after the answer page itself is running
  var script = document.createElement('script');
  script.src = '/vendor/face-api/face-api.js';
  script.onload = start;
  document.head.appendChild(script);
})();
