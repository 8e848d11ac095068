// Ticks the password rules beside a password field while the person types, and says whether the confirmation
// matches. The rules and their patterns come from the server (data-pattern), which checks them again on submit.
(function () {
  'use strict';

  function updateRules(input, list) {
    var value = input.value;
    list.querySelectorAll('li[data-pattern]').forEach(function (rule) {
      var met = new RegExp(rule.getAttribute('data-pattern')).test(value);
      rule.classList.toggle('met', met);
      rule.classList.toggle('unmet', !met && value.length > 0);
      rule.classList.toggle('pending', !met && value.length === 0);
      rule.querySelector('.mark').textContent = met ? '✓' : (value.length > 0 ? '✗' : '•');
      rule.querySelector('.state').textContent = met ? '（已满足）' : '（尚未满足）';
    });
  }

  function updateMatch(confirmation, original) {
    var hint = document.getElementById(confirmation.id + '-match');
    if (!hint) {
      return;
    }
    var typed = confirmation.value.length > 0;
    var same = typed && confirmation.value === original.value;
    hint.textContent = !typed ? '' : (same ? '✓ 两次输入一致' : '✗ 两次输入的密码不一致');
    hint.classList.toggle('match', same);
    hint.classList.toggle('mismatch', typed && !same);
  }

  document.querySelectorAll('input[data-password-rules]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('data-password-rules'));
    if (!list) {
      return;
    }
    var confirmations = document.querySelectorAll('input[data-confirms="' + input.id + '"]');
    var update = function () {
      updateRules(input, list);
      confirmations.forEach(function (c) { updateMatch(c, input); });
    };
    input.addEventListener('input', update);
    confirmations.forEach(function (c) {
      c.addEventListener('input', function () { updateMatch(c, input); });
    });
    update();
  });
})();
