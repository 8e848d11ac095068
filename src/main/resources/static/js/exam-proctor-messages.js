/*
 * The proctor's warnings on the answer page: asks every 15 s for this sitting's messages and shows new ones in a
 * live region (and an alert for the first sight), so the candidate cannot miss them.
 */
(function () {
  'use strict';

  var cfg = window.EXAM_CONFIG;
  if (!cfg || !cfg.number) { return; }
  var url = '/api/applications/' + encodeURIComponent(cfg.number) + '/exam/proctor-messages';
  var seen = {};
  var box = document.createElement('div');
  box.id = 'proctor-messages';
  box.className = 'error';
  box.setAttribute('role', 'alert');
  box.hidden = true;
  document.body.insertBefore(box, document.body.firstChild);

  function show(m) {
    var p = document.createElement('p');
    p.textContent = (m.kind === 'TERMINATION' ? '监考员已终止您的考试：' : '监考员警告：') + m.message;
    box.appendChild(p);
    box.hidden = false;
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (messages) {
        messages.forEach(function (m) {
          if (!seen[m.id]) {
            seen[m.id] = true;
            show(m);
          }
        });
      })
      .catch(function () { /* the network may be down; the next poll tries again */ });
  }

  poll();
  setInterval(poll, 15000);
})();
