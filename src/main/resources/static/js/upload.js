// Checks a chosen file before it is sent: the server refuses files over the limit, but only after the whole file
// has crossed the network, and a request over the multipart limit cannot come back to this page.
document.querySelectorAll('form.upload').forEach(function (form) {
  var input = form.querySelector('input[type=file]');
  var max = Number(form.dataset.maxBytes || 0);
  var message = document.createElement('p');
  message.className = 'field-error';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  form.appendChild(message);
  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    var problem = !file ? '请先选择要上传的文件'
        : max && file.size > max ? '文件过大：“' + file.name + '”为 ' + (file.size / 1048576).toFixed(1)
            + ' MB，单个文件不得超过 ' + (max / 1048576).toFixed(0) + ' MB，请压缩或重新扫描后再上传'
        : null;
    message.hidden = !problem;
    message.textContent = problem || '';
    if (problem) {
      event.preventDefault();
      input.focus();
    }
  });
});
