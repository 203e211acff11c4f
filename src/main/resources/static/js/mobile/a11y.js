// 适老化: large type and high contrast, on a tap, remembered on this phone. Runs in <head> so that the page is
// drawn in the chosen mode from the start; the toggle and the voice input are wired once the page is there.
(function () {
  'use strict';
  var KEY = 'yiwang.elder';
  var root = document.documentElement;
  function on() { try { return localStorage.getItem(KEY) === '1'; } catch (e) { return false; } }
  if (on()) { root.classList.add('elder'); }

  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.getElementById('elder-mode');
    function show() {
      var active = root.classList.contains('elder');
      if (toggle) {
        toggle.setAttribute('aria-pressed', active ? 'true' : 'false');
        toggle.textContent = active ? toggle.dataset.on : toggle.dataset.off;
      }
    }
    if (toggle) {
      toggle.addEventListener('click', function () {
        var active = root.classList.toggle('elder');
        try { localStorage.setItem(KEY, active ? '1' : '0'); } catch (e) { /* private mode: for this page only */ }
        show();
      });
      show();
    }

    // voice input (Web Speech API) for the description, only where the browser offers it
    var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
    var voice = document.getElementById('voice-input');
    var target = document.getElementById('description');
    if (Recognition && voice && target) {
      voice.hidden = false;
      var label = voice.textContent;
      voice.addEventListener('click', function () {
        var recognition = new Recognition();
        recognition.lang = voice.dataset.lang || 'zh-CN';
        recognition.interimResults = false;
        recognition.maxAlternatives = 1;
        recognition.onresult = function (event) {
          var text = event.results[0][0].transcript;
          target.value = target.value ? target.value + ' ' + text : text;
          target.dispatchEvent(new Event('input', {bubbles: true}));
        };
        recognition.onend = function () { voice.textContent = label; voice.disabled = false; };
        voice.textContent = voice.dataset.listening;
        voice.disabled = true;
        recognition.start();
      });
    }
  });
})();
