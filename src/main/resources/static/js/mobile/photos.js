// Previews of the photos chosen in any file input that names its preview list (data or id "<input id>" → "...-preview").
(function () {
  'use strict';
  document.querySelectorAll('input[type=file][accept^="image"]').forEach(function (input) {
    var preview = document.getElementById(input.id.replace(/-photos$/, '-preview'));
    if (!preview) { return; }
    input.addEventListener('change', function () {
      preview.innerHTML = '';
      Array.prototype.forEach.call(input.files, function (file) {
        var li = document.createElement('li');
        var img = document.createElement('img');
        img.alt = file.name;
        img.src = URL.createObjectURL(file);
        li.appendChild(img);
        preview.appendChild(li);
      });
    });
  });
})();
