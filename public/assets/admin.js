// Broadside admin enhancements. Every form works without this file; it only adds conveniences:
// a live Markdown preview, a suggested slug, autosave of the post being edited, and a question
// before deleting for good. Served from our own origin (the CSP allows no inline script).
'use strict';

(function () {
  /** Forms that destroy something ask first. */
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
    });
  });

  var form = document.getElementById('post-form');
  if (!form) return;
  var csrf = form.querySelector('input[name="_csrf"]').value;
  var field = function (id) { return form.querySelector('#' + id); };

  /** POSTs urlencoded data with the CSRF header; resolves with the response or rejects. */
  function send(url, data, accept, signal) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf, accept: accept },
      body: new URLSearchParams(data).toString(),
      signal: signal,
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response;
    });
  }

  // Live preview: the server renders the body with the site's own renderer and sanitiser.
  var body = field('body');
  var language = field('language');
  var preview = document.getElementById('body-preview');
  if (body && preview && form.dataset.previewUrl) {
    var timer = 0;
    var running = null;
    var refresh = function () {
      if (running) running.abort();
      running = new AbortController();
      send(form.dataset.previewUrl, { body: body.value, language: language ? language.value : '' }, 'text/html', running.signal)
        .then(function (response) { return response.text(); })
        .then(function (html) { preview.innerHTML = html; preview.removeAttribute('data-stale'); })
        .catch(function (error) { if (error.name !== 'AbortError') preview.setAttribute('data-stale', 'true'); });
    };
    var later = function () { clearTimeout(timer); timer = setTimeout(refresh, 300); };
    body.addEventListener('input', later);
    if (language) language.addEventListener('change', later);
  }

  // Suggested slug: shown as the placeholder; the server makes the same one when it is left empty.
  var title = field('title');
  var slug = field('slug');
  if (title && slug) {
    var suggest = function () { slug.placeholder = slugify(title.value); };
    title.addEventListener('input', suggest);
    suggest();
  }

  // Autosave: every little while, when something changed, the form is kept as this user's
  // autosave on the server (the post itself does not change). Only for posts saved once.
  var autosaveUrl = form.dataset.autosaveUrl;
  var status = document.getElementById('autosave-status');
  if (autosaveUrl) {
    var dirty = false;
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function () { dirty = true; });
    form.addEventListener('submit', function () { dirty = false; });
    var every = Number(form.dataset.autosaveEvery || 20000);
    setInterval(function () {
      if (!dirty) return;
      dirty = false;
      var data = new FormData(form);
      send(autosaveUrl, data, 'application/json')
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (status) status.textContent = 'Autosaved at ' + new Date(result.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + ' (not saved yet).';
        })
        .catch(function () {
          dirty = true;
          if (status) status.textContent = 'Autosave failed; your text is still here. Save to keep it.';
        });
    }, every);
  }

  /** The same rules as lib/slug.ts: lowercase ASCII, Cyrillic transliterated, hyphens between words. */
  function slugify(text) {
    var map = {
      а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
      к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
      х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
      і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
    };
    var out = Array.from(text.toLowerCase(), function (ch) { return ch in map ? map[ch] : ch; }).join('')
      .normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return out.slice(0, 80).replace(/-+$/, '');
  }
}());
