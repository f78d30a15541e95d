/*
 * Outloud search: the client of the index `outloud build` writes to search/.
 * Plain JavaScript, no library, no eval, no inline styles: it runs under
 * Content-Security-Policy: default-src 'self'.
 *
 * It loads the manifest (search/index.json), then only the shards of the terms typed
 * (search/terms/<n>.bin), then the records of the results it shows (search/notes/<n>.json);
 * the search page also loads every note's kind and skills (search/facets.bin) for its facets.
 * Words become terms as Sources/Outloud/Search/SearchWords.swift makes them at build time.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !window.fetch || !window.TextEncoder || !window.URLSearchParams) return;
  var root = new URL('../', script.src);          // theme/search.js → the site's root
  var base = new URL('search/', root);
  var encoder = new TextEncoder(), decoder = new TextDecoder();

  var PREFIX_WEIGHT = 0.5;     // a completion of the word being typed counts half
  var MIN_PREFIX = 3;          // shorter words being typed match whole terms only
  var MAX_PREFIX_SHARDS = 4;   // shards a completion may load beyond the word's own
  var PAGE_SIZE = 10, PANEL_SIZE = 6;

  // Words and terms --------------------------------------------------------

  function normalise(text) {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function words(text) {
    return normalise(text).match(/[\p{L}\p{N}]+/gu) || [];
  }

  function codePoints(word) {
    var n = 0;
    for (var i = 0; i < word.length; i++) {
      var c = word.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }

  function term(word, manifest) {
    var length = codePoints(word);
    if (length < 2 || length > manifest.maxLength || manifest.stop.has(word)) return null;
    return /^[a-z]+$/.test(word) ? porterStem(word) : word;
  }

  /** The query's parts: each word's exact term and, for the word being typed, the
   *  beginnings its completions share. */
  function parse(query, manifest) {
    var list = words(query), typing = list.length > 0 && !/[\s\p{P}]$/u.test(query);
    var parts = [];
    list.forEach(function (word, index) {
      var exact = term(word, manifest), prefixes = [];
      if (typing && index === list.length - 1 && codePoints(word) >= MIN_PREFIX) {
        prefixes.push(word);
        if (exact && exact !== word) prefixes.push(exact);
      }
      if (exact || prefixes.length) parts.push({ exact: exact, prefixes: prefixes });
    });
    return parts;
  }

  function compareBytes(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  }

  function startsWith(bytes, prefix) {
    if (bytes.length < prefix.length) return false;
    for (var i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
    return true;
  }

  // Loading ----------------------------------------------------------------

  var manifestPromise = null, shards = new Map(), records = new Map(), facetsPromise = null;

  function fetchFile(path, kind, version) {
    var url = new URL(path, base);
    if (version) url.search = 'v=' + version;
    return fetch(url, version ? {} : { cache: 'no-cache' }).then(function (response) {
      if (!response.ok) throw new Error('search: ' + url + ' answered ' + response.status);
      return kind === 'json' ? response.json() : response.arrayBuffer();
    });
  }

  function loadManifest() {
    if (!manifestPromise) {
      manifestPromise = fetchFile('index.json', 'json').then(function (data) {
        data.stop = new Set(data.stopWords);
        data.firstBytes = data.shards.map(function (first) { return encoder.encode(first); });
        data.skillNumber = new Map(data.skills.map(function (skill, number) { return [skill[0], number]; }));
        return data;
      });
      manifestPromise.catch(function () { manifestPromise = null; });
    }
    return manifestPromise;
  }

  function Reader(bytes, offset) { this.bytes = bytes; this.offset = offset || 0; }
  Reader.prototype.varint = function () {
    var value = 0, scale = 1, byte;
    do {
      byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte >= 0x80);
    return value;
  };

  /** A shard: its terms in order, each with where its postings start. */
  function parseShard(buffer) {
    var bytes = new Uint8Array(buffer), reader = new Reader(bytes), terms = [], previous = new Uint8Array(0);
    while (reader.offset < bytes.length) {
      var shared = reader.varint(), length = reader.varint();
      var current = new Uint8Array(shared + length);
      current.set(previous.subarray(0, shared));
      current.set(bytes.subarray(reader.offset, reader.offset + length), shared);
      reader.offset += length;
      var count = reader.varint(), start = reader.offset;
      for (var i = 0; i < 2 * count; i++) while (bytes[reader.offset++] >= 0x80) { /* skip */ }
      terms.push({ bytes: current, text: decoder.decode(current), count: count, start: start, postings: null });
      previous = current;
    }
    return { bytes: bytes, terms: terms };
  }

  function loadShard(manifest, number) {
    if (!shards.has(number)) {
      var promise = fetchFile('terms/' + number + '.bin', 'binary', manifest.version).then(parseShard);
      promise.catch(function () { shards.delete(number); });
      shards.set(number, promise);
    }
    return shards.get(number);
  }

  function postings(shard, entry) {
    if (!entry.postings) {
      var reader = new Reader(shard.bytes, entry.start), notes = new Int32Array(entry.count), scores = new Int32Array(entry.count), note = 0;
      for (var i = 0; i < entry.count; i++) {
        note += reader.varint();
        notes[i] = note;
        scores[i] = reader.varint();
      }
      entry.postings = { notes: notes, scores: scores };
    }
    return entry.postings;
  }

  /** The shard a term would be in: the last whose first term is not after it. */
  function shardOf(manifest, bytes) {
    var low = 0, high = manifest.firstBytes.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (compareBytes(manifest.firstBytes[middle], bytes) <= 0) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  function shardsOf(manifest, part) {
    var numbers = new Set();
    if (part.exact) {
      var own = shardOf(manifest, encoder.encode(part.exact));
      if (own >= 0) numbers.add(own);
    }
    part.prefixes.forEach(function (prefix) {
      var bytes = encoder.encode(prefix), number = Math.max(0, shardOf(manifest, bytes)), extra = 0;
      numbers.add(number);
      while (number + 1 < manifest.firstBytes.length && startsWith(manifest.firstBytes[number + 1], bytes) && extra < MAX_PREFIX_SHARDS) {
        numbers.add(++number);
        extra++;
      }
    });
    return Array.from(numbers);
  }

  function loadRecord(manifest, note) {
    if (!records.has(note)) {
      var promise = fetchFile('notes/' + note + '.json', 'json', manifest.version);
      promise.catch(function () { records.delete(note); });
      records.set(note, promise);
    }
    return records.get(note);
  }

  /** Each note's kind and skills: for the search page's facets. */
  function loadFacets(manifest) {
    if (!facetsPromise) {
      facetsPromise = fetchFile('facets.bin', 'binary', manifest.version).then(function (buffer) {
        var reader = new Reader(new Uint8Array(buffer)), kinds = new Uint8Array(manifest.notes), skills = new Array(manifest.notes);
        for (var note = 0; note < manifest.notes; note++) {
          kinds[note] = reader.bytes[reader.offset++];
          var count = reader.varint(), own = new Array(count);
          for (var i = 0; i < count; i++) own[i] = reader.varint();
          skills[note] = own;
        }
        return { kinds: kinds, skills: skills };
      });
      facetsPromise.catch(function () { facetsPromise = null; });
    }
    return facetsPromise;
  }

  // Ranking ----------------------------------------------------------------

  /** Every note matching all parts, best first: [{note, score}]. Ties go to the site's
   *  order (newest first), which is the notes' numbering. */
  function search(query) {
    return loadManifest().then(function (manifest) {
      var parts = parse(query, manifest);
      if (!parts.length) return { manifest: manifest, parts: parts, hits: [] };
      var wanted = new Set();
      parts.forEach(function (part) { shardsOf(manifest, part).forEach(function (n) { wanted.add(n); }); });
      var numbers = Array.from(wanted);
      return Promise.all(numbers.map(function (n) { return loadShard(manifest, n); })).then(function (loaded) {
        var totals = null;
        parts.forEach(function (part) {
          var best = new Map();
          function add(shard, entry, weight) {
            var list = postings(shard, entry);
            for (var i = 0; i < list.notes.length; i++) {
              var score = list.scores[i] * weight, note = list.notes[i];
              if (!(best.get(note) >= score)) best.set(note, score);
            }
          }
          loaded.forEach(function (shard) {
            shard.terms.forEach(function (entry) {
              if (entry.text === part.exact) add(shard, entry, 1);
              else if (part.prefixes.some(function (p) { return entry.text.startsWith(p); })) add(shard, entry, PREFIX_WEIGHT);
            });
          });
          if (totals === null) totals = best;
          else {
            var both = new Map();
            totals.forEach(function (score, note) { if (best.has(note)) both.set(note, score + best.get(note)); });
            totals = both;
          }
        });
        var hits = [];
        totals.forEach(function (score, note) { hits.push({ note: note, score: score }); });
        hits.sort(function (a, b) { return b.score - a.score || a.note - b.note; });
        return { manifest: manifest, parts: parts, hits: hits };
      });
    });
  }

  /** A note whose title is the query, word for word, goes first among those loaded. */
  function titleFirst(hits, loaded, query) {
    var wanted = words(query).join(' ');
    var index = loaded.findIndex(function (record) { return words(record.title).join(' ') === wanted; });
    if (index > 0) {
      loaded.unshift(loaded.splice(index, 1)[0]);
      hits.unshift(hits.splice(index, 1)[0]);
    }
  }

  // Showing results --------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /** Tells whether a word of the text matches a part of the query. */
  function matcher(parts, manifest) {
    var cache = new Map();
    return function (word) {
      if (cache.has(word)) return cache.get(word);
      var normal = normalise(word), own = term(normal, manifest), hit = parts.some(function (part) {
        return (own && own === part.exact) || part.prefixes.some(function (p) { return normal.startsWith(p) || (own && own.startsWith(p)); });
      });
      cache.set(word, hit);
      return hit;
    };
  }

  /** `text` into `into`, the words that match marked; with `window`, only about that many
   *  words around the first match (nothing when none matches). */
  function highlight(into, text, matches, window) {
    var pattern = /[\p{L}\p{N}]+/gu, tokens = [], found = -1, m;
    while ((m = pattern.exec(text))) {
      var hit = matches(m[0]);
      if (hit && found < 0) found = tokens.length;
      tokens.push({ start: m.index, end: m.index + m[0].length, hit: hit });
    }
    var from = 0, to = tokens.length;
    if (window) {
      if (found < 0) return false;
      from = Math.max(0, found - Math.floor(window / 4));
      to = Math.min(tokens.length, from + window);
      from = Math.max(0, Math.min(from, to - window));
    }
    if (!tokens.length) { into.textContent = text; return true; }
    var cursor = window ? tokens[from].start : 0;
    if (window && from > 0) into.appendChild(document.createTextNode('… '));
    for (var i = from; i < to; i++) {
      var token = tokens[i];
      if (token.start > cursor) into.appendChild(document.createTextNode(text.slice(cursor, token.start)));
      var piece = text.slice(token.start, token.end);
      into.appendChild(token.hit ? element('mark', null, piece) : document.createTextNode(piece));
      cursor = token.end;
    }
    var end = window && to < tokens.length ? tokens[to - 1].end : text.length;
    if (cursor < end) into.appendChild(document.createTextNode(text.slice(cursor, end)));
    if (window && to < tokens.length) into.appendChild(document.createTextNode(' …'));
    return true;
  }

  function resultItem(record, manifest, matches, compact) {
    var kind = manifest.kinds[record.kind] || ['note', 'Note'];
    var item = element('li', 'search-result search-result--' + kind[0]);
    var title = element(compact ? 'p' : 'h2', 'search-result__title'), link = element('a');
    link.href = new URL(record.url, root).href;
    highlight(link, record.title, matches, 0);
    title.appendChild(link);
    item.appendChild(title);
    var meta = element('p', 'search-result__meta');
    meta.appendChild(element('span', 'kind kind--' + kind[0], kind[1]));
    if (record.date) {
      var time = element('time', null, record.dateText || record.date);
      time.dateTime = record.date;
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(time);
    }
    var skillNames = record.skills.map(function (number) { return manifest.skills[number]; }).filter(Boolean);
    if (compact && skillNames.length) {
      // In the header's list the skills are words, not links: the arrow keys go from result to result.
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(element('span', 'search-result__skills', skillNames.map(function (skill) { return skill[1]; }).join(' · ')));
    }
    item.appendChild(meta);
    var snippet = element('p', 'search-result__snippet');
    // The text has a line per block: a heading runs into its paragraph unless marked off.
    var text = (record.text || '').replace(/([^.!?:;\n])\n+/g, '$1 · ').replace(/\n+/g, ' ');
    if (!highlight(snippet, text, matches, compact ? 18 : 32)) highlight(snippet, record.summary || '', matches, 0);
    item.appendChild(snippet);
    if (!compact && skillNames.length) {
      var tags = element('ul', 'tags');
      tags.setAttribute('aria-label', 'Skills');
      skillNames.forEach(function (skill) {
        var li = element('li'), tag = element('a', 'tag', skill[1]);
        tag.href = new URL('skills/' + skill[0] + '/', root).href;
        li.appendChild(tag);
        tags.appendChild(li);
      });
      item.appendChild(tags);
    }
    return item;
  }

  function plural(count, one, many) { return count + ' ' + (count === 1 ? one : many); }

  // The search page ----------------------------------------------------------

  function searchPage(container) {
    var form = container.querySelector('form'), input = form.querySelector('input[name=q]');
    var layout = container.querySelector('.search__layout'), facetsBox = container.querySelector('.search__facets');
    var status = container.querySelector('.search__status'), list = container.querySelector('.search__results');
    var more = container.querySelector('.search__more'), filters = container.querySelector('.search__filters');
    // On a phone the filters start folded, so that the results come first.
    if (filters && window.matchMedia && window.matchMedia('(max-width: 48rem)').matches) filters.open = false;
    var params = new URLSearchParams(location.search);
    var state = { query: params.get('q') || '', kinds: new Set(params.getAll('kind')), skills: new Set(params.getAll('skill')) };
    var generation = 0, shown = 0, current = null;
    input.value = state.query;
    layout.hidden = false;

    function syncURL() {
      var next = new URLSearchParams();
      if (state.query) next.set('q', state.query);
      state.kinds.forEach(function (kind) { next.append('kind', kind); });
      state.skills.forEach(function (skill) { next.append('skill', skill); });
      var text = next.toString();
      history.replaceState(null, '', location.pathname + (text ? '?' + text : ''));
    }

    function passes(facets, manifest, note, ignore) {
      if (ignore !== 'kind' && state.kinds.size && !state.kinds.has(manifest.kinds[facets.kinds[note]][0])) return false;
      if (ignore !== 'skill') {
        var own = facets.skills[note];
        for (var skill of state.skills) {
          var number = manifest.skillNumber.get(skill);
          if (number === undefined || own.indexOf(number) < 0) return false;
        }
      }
      return true;
    }

    function renderFacets(manifest, facets, hits) {
      var kindCounts = new Map(), skillCounts = new Map();
      hits.forEach(function (hit) {
        if (passes(facets, manifest, hit.note, 'kind')) {
          var kind = manifest.kinds[facets.kinds[hit.note]][0];
          kindCounts.set(kind, (kindCounts.get(kind) || 0) + 1);
        }
        if (passes(facets, manifest, hit.note, 'skill')) {
          facets.skills[hit.note].forEach(function (number) { skillCounts.set(number, (skillCounts.get(number) || 0) + 1); });
        }
      });
      facetsBox.textContent = '';
      function group(legendText, name, entries) {
        if (!entries.length) return;
        var fieldset = element('fieldset', 'search__facet');
        fieldset.appendChild(element('legend', null, legendText));
        var ul = element('ul');
        entries.forEach(function (entry) {
          var li = element('li'), label = element('label'), box = element('input');
          box.type = 'checkbox';
          box.name = name;
          box.value = entry.value;
          box.checked = entry.checked;
          box.addEventListener('change', function () {
            var set = name === 'kind' ? state.kinds : state.skills;
            if (box.checked) set.add(entry.value); else set.delete(entry.value);
            update();
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(' ' + entry.label + ' '));
          label.appendChild(element('span', 'search__count', String(entry.count)));
          li.appendChild(label);
          ul.appendChild(li);
        });
        fieldset.appendChild(ul);
        facetsBox.appendChild(fieldset);
      }
      var kinds = [];
      manifest.kinds.forEach(function (kind) {
        var count = kindCounts.get(kind[0]) || 0;
        if (count || state.kinds.has(kind[0])) kinds.push({ value: kind[0], label: kind[2], count: count, checked: state.kinds.has(kind[0]) });
      });
      var skills = [];
      manifest.skills.forEach(function (skill, number) {
        var count = skillCounts.get(number) || 0;
        if (count || state.skills.has(skill[0])) skills.push({ value: skill[0], label: skill[1], count: count, checked: state.skills.has(skill[0]) });
      });
      skills.sort(function (a, b) { return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); });
      group('Kind', 'kind', kinds);
      group('Skill', 'skill', skills);
    }

    /** The next page of results, in place of the list (a new search) or after it. */
    function showMore(replace) {
      if (!current) return Promise.resolve();
      var run = current, slice = run.filtered.slice(shown, shown + PAGE_SIZE);
      shown += slice.length;
      return Promise.all(slice.map(function (hit) { return loadRecord(run.manifest, hit.note); })).then(function (loaded) {
        if (run !== current) return;
        if (replace) titleFirst(slice, loaded, state.query);
        var matches = matcher(run.parts, run.manifest);
        var items = loaded.map(function (record) { return resultItem(record, run.manifest, matches, false); });
        // Replaced only now, so that the list does not flicker empty between keystrokes.
        if (replace) list.replaceChildren.apply(list, items);
        else items.forEach(function (item) { list.appendChild(item); });
        more.hidden = shown >= run.filtered.length;
      });
    }

    function update() {
      state.query = input.value;
      syncURL();
      var mine = ++generation;
      if (!words(state.query).length) {
        current = null;
        list.textContent = '';
        facetsBox.textContent = '';
        status.textContent = '';
        more.hidden = true;
        return Promise.resolve();
      }
      return loadManifest().then(function (manifest) {
        return Promise.all([search(state.query), loadFacets(manifest)]);
      }).then(function (both) {
        if (mine !== generation) return;
        var result = both[0], facets = both[1], manifest = result.manifest;
        var filtered = result.hits.filter(function (hit) { return passes(facets, manifest, hit.note); });
        current = { manifest: manifest, parts: result.parts, filtered: filtered };
        shown = 0;
        renderFacets(manifest, facets, result.hits);
        var quoted = '“' + state.query.trim() + '”', run = current;
        var text = filtered.length ? plural(filtered.length, 'result', 'results') + ' for ' + quoted
          : (result.hits.length ? 'No results for ' + quoted + ' with these filters' : 'No results for ' + quoted);
        // Said once the list shows them, so that the status and the list agree.
        return showMore(true).then(function () { if (run === current) status.textContent = text; });
      }).catch(function (error) {
        status.textContent = 'Search is unavailable: ' + error.message;
      });
    }

    input.addEventListener('input', update);
    form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
    more.addEventListener('click', function () {
      var first = list.childElementCount;
      showMore(false).then(function () {
        var link = list.children[first] && list.children[first].querySelector('a');
        if (link) link.focus();
      });
    });
    if (state.query) update();
  }

  // The header's box: the best few results under it as you type ----------------

  function headerSearch(form) {
    var input = form.querySelector('input[name=q]'), panel = element('div', 'site-search__panel');
    var list = element('ul', 'site-search__results'), status = element('p', 'visually-hidden');
    var all = element('a', 'site-search__all');
    panel.id = 'site-search-panel';
    panel.hidden = true;
    status.setAttribute('role', 'status');
    list.setAttribute('aria-label', 'Search results');
    panel.appendChild(list);
    panel.appendChild(all);
    form.appendChild(panel);
    form.appendChild(status);
    // The panel is links, not a listbox: the status line says how many there are and that
    // arrow down reaches them (a searchbox may not carry aria-expanded).
    input.setAttribute('aria-controls', panel.id);
    var generation = 0;

    function close() {
      panel.hidden = true;
    }

    function update() {
      var query = input.value, mine = ++generation;
      if (!words(query).length) { close(); status.textContent = ''; return; }
      search(query).then(function (result) {
        if (mine !== generation) return;
        var top = result.hits.slice(0, PANEL_SIZE);
        return Promise.all(top.map(function (hit) { return loadRecord(result.manifest, hit.note); })).then(function (loaded) {
          if (mine !== generation) return;
          titleFirst(top, loaded, query);
          var matches = matcher(result.parts, result.manifest);
          list.replaceChildren.apply(list, loaded.map(function (record) { return resultItem(record, result.manifest, matches, true); }));
          var url = new URL('search/', root);
          url.search = new URLSearchParams({ q: query }).toString();
          all.href = url.href;
          all.textContent = result.hits.length ? 'All ' + plural(result.hits.length, 'result', 'results') + ' →' : 'No results for “' + query.trim() + '”';
          status.textContent = result.hits.length ? plural(result.hits.length, 'result', 'results') + '; arrow down to browse them' : 'No results';
          panel.hidden = false;
        });
      }).catch(function () { close(); });
    }

    function links() { return Array.from(panel.querySelectorAll('a')); }

    input.addEventListener('focus', function () { loadManifest().catch(function () {}); });
    input.addEventListener('input', update);
    form.addEventListener('keydown', function (event) {
      var targets = links(), at = targets.indexOf(document.activeElement);
      if (event.key === 'Escape') {
        if (!panel.hidden) { close(); input.focus(); event.preventDefault(); }
      } else if (event.key === 'ArrowDown' && !panel.hidden && targets.length) {
        targets[Math.min(at + 1, targets.length - 1)].focus();
        event.preventDefault();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        if (at === 0) input.focus(); else targets[at - 1].focus();
        event.preventDefault();
      }
    });
    document.addEventListener('click', function (event) { if (!form.contains(event.target)) close(); });
    form.addEventListener('focusout', function (event) { if (event.relatedTarget && !form.contains(event.relatedTarget)) close(); });
  }

  function start() {
    var page = document.querySelector('[data-search=page]');
    if (page) {
      searchPage(page);
      var header = document.querySelector('[data-search=header]');
      if (header) header.hidden = true;
    } else {
      var form = document.querySelector('[data-search=header]');
      if (form) headerSearch(form);
    }
  }

  // For tests and for themes that want them.
  window.outloudSearch = { search: search, normalise: normalise, words: words, stem: porterStem, loadManifest: loadManifest, term: term };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();

  // Porter's stemmer ---------------------------------------------------------
  function porterStem(w) {
    if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
    // The letters are b[0..k]; after ends() matches, the suffix is b[j+1..k].
    var b = w, k = w.length - 1, j = 0;

    function isConsonant(i) {
      switch (b[i]) {
        case "a": case "e": case "i": case "o": case "u": return false;
        case "y": return i === 0 || !isConsonant(i - 1);
        default: return true;
      }
    }

    // Porter's m: how many vowel-consonant sequences b[0..j] has, seen as [C](VC)^m[V].
    function measure() {
      var n = 0, i = 0;
      while (i <= j && isConsonant(i)) i++;
      for (;;) {
        while (i <= j && !isConsonant(i)) i++;
        if (i > j) return n;
        n++;
        while (i <= j && isConsonant(i)) i++;
        if (i > j) return n;
      }
    }

    function vowelInStem() {
      for (var i = 0; i <= j; i++) if (!isConsonant(i)) return true;
      return false;
    }

    function doubleConsonant(i) {
      return i >= 1 && b[i] === b[i - 1] && isConsonant(i);
    }

    // b[i-2..i] is consonant-vowel-consonant with the last not w, x or y (*o).
    function cvc(i) {
      if (i < 2 || !isConsonant(i) || isConsonant(i - 1) || !isConsonant(i - 2)) return false;
      var last = b[i];
      return last !== "w" && last !== "x" && last !== "y";
    }

    function ends(s) {
      var length = s.length;
      if (length > k + 1 || s[length - 1] !== b[k] || !b.startsWith(s, k + 1 - length)) return false;
      j = k - length;
      return true;
    }

    function setTo(s) {
      b = b.slice(0, j + 1) + s;
      k = j + s.length;
    }

    // Porter's r.
    function replace(s) {
      if (measure() > 0) setTo(s);
    }

    function step1a() {
      if (b[k] !== "s") return;
      if (ends("sses")) k -= 2;
      else if (ends("ies")) setTo("i");
      else if (b[k - 1] !== "s") k--;
    }

    function step1b() {
      if (ends("eed")) {
        if (measure() > 0) k--;
      } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
        k = j;
        if (ends("at")) setTo("ate");
        else if (ends("bl")) setTo("ble");
        else if (ends("iz")) setTo("ize");
        else if (doubleConsonant(k)) {
          var last = b[k];
          if (last !== "l" && last !== "s" && last !== "z") k--;
        } else if (measure() === 1 && cvc(k)) setTo("e");
      }
    }

    function step1c() {
      if (ends("y") && vowelInStem()) setTo("i");
    }

    function step2() {
      switch (b[k - 1]) {
        case "a":
          if (ends("ational")) replace("ate");
          else if (ends("tional")) replace("tion");
          break;
        case "c":
          if (ends("enci")) replace("ence");
          else if (ends("anci")) replace("ance");
          break;
        case "e":
          if (ends("izer")) replace("ize");
          break;
        case "g":
          if (ends("logi")) replace("log");
          break;
        case "l":
          if (ends("bli")) replace("ble");
          else if (ends("alli")) replace("al");
          else if (ends("entli")) replace("ent");
          else if (ends("eli")) replace("e");
          else if (ends("ousli")) replace("ous");
          break;
        case "o":
          if (ends("ization")) replace("ize");
          else if (ends("ation")) replace("ate");
          else if (ends("ator")) replace("ate");
          break;
        case "s":
          if (ends("alism")) replace("al");
          else if (ends("iveness")) replace("ive");
          else if (ends("fulness")) replace("ful");
          else if (ends("ousness")) replace("ous");
          break;
        case "t":
          if (ends("aliti")) replace("al");
          else if (ends("iviti")) replace("ive");
          else if (ends("biliti")) replace("ble");
          break;
      }
    }

    function step3() {
      switch (b[k]) {
        case "e":
          if (ends("icate")) replace("ic");
          else if (ends("ative")) replace("");
          else if (ends("alize")) replace("al");
          break;
        case "i":
          if (ends("iciti")) replace("ic");
          break;
        case "l":
          if (ends("ical")) replace("ic");
          else if (ends("ful")) replace("");
          break;
        case "s":
          if (ends("ness")) replace("");
          break;
      }
    }

    function step4() {
      var found;
      switch (b[k - 1]) {
        case "a": found = ends("al"); break;
        case "c": found = ends("ance") || ends("ence"); break;
        case "e": found = ends("er"); break;
        case "i": found = ends("ic"); break;
        case "l": found = ends("able") || ends("ible"); break;
        case "n": found = ends("ant") || ends("ement") || ends("ment") || ends("ent"); break;
        case "o": found = ends("ion") && j >= 0 && (b[j] === "s" || b[j] === "t") || ends("ou"); break;
        case "s": found = ends("ism"); break;
        case "t": found = ends("ate") || ends("iti"); break;
        case "u": found = ends("ous"); break;
        case "v": found = ends("ive"); break;
        case "z": found = ends("ize"); break;
        default: found = false;
      }
      if (found && measure() > 1) k = j;
    }

    function step5() {
      j = k;
      if (b[k] === "e") {
        var m = measure();
        if (m > 1 || m === 1 && !cvc(k - 1)) k--;
      }
      if (b[k] === "l" && doubleConsonant(k) && measure() > 1) k--;
    }

    step1a();
    step1b();
    if (k > 0) {
      step1c();
      step2();
      step3();
      step4();
      step5();
    }
    return b.slice(0, k + 1);
  }
})();
