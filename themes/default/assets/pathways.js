/*
 * Outloud pathways: the reader's progress on a pathway page, kept in their own browser.
 * Plain JavaScript, no library, no eval, no inline styles: it runs under
 * Content-Security-Policy: default-src 'self'.
 *
 * For each `section[data-pathway]` the page has, it adds "Done" and "Skipped" checkboxes
 * to every step (`li[data-step]`), marks the next step, fills the section's live region
 * (`[data-pathway-progress]`) with the totals, and adds a panel that exports the progress
 * as one line for a working-out-loud log and imports such a line back.
 *
 * Progress lives in localStorage under `outloud.pathway.<id>` as
 * {"v":1,"steps":{"<step id>":"done"|"skipped"}}. Marks for steps no longer on the page are
 * kept (a step removed and added back keeps its mark) but not counted. Without storage
 * (private windows, quota, disabled) the marks last as long as the page.
 * The format of the line is described in docs/content.md, "Progress on a pathway".
 */
(function () {
  'use strict';

  var KEY = 'outloud.pathway.';
  var MARKS = ['done', 'skipped'];
  var STEP = /^[\p{L}\p{N}-]+$/u;      // a step id, as the build makes them
  var LINE = /\[outloud-pathway ([^\s\]]+)((?:\s+(?:done|skipped)=[^\s\]]*)*)\s*\]/g;

  // Storage ----------------------------------------------------------------

  // What this page wrote, by key: the truth for the session when localStorage refuses.
  var memory = {};

  function storage() {
    try { return window.localStorage || null; } catch (error) { return null; }
  }

  /** The stored marks of a pathway: step id → 'done' | 'skipped' (nothing else survives). */
  function load(id) {
    var text = null, store = storage();
    if (Object.prototype.hasOwnProperty.call(memory, KEY + id)) text = memory[KEY + id];
    else if (store) {
      try { text = store.getItem(KEY + id); } catch (error) { text = null; }
    }
    return parseStored(text);
  }

  function parseStored(text) {
    var marks = Object.create(null), data = null;
    if (!text) return marks;
    try { data = JSON.parse(text); } catch (error) { return marks; }
    if (!data || data.v !== 1 || !data.steps || typeof data.steps !== 'object') return marks;
    Object.keys(data.steps).forEach(function (step) {
      if (MARKS.indexOf(data.steps[step]) >= 0) marks[step] = data.steps[step];
    });
    return marks;
  }

  function save(id, marks) {
    var steps = Object.create(null);
    Object.keys(marks).sort().forEach(function (step) { steps[step] = marks[step]; });
    var text = JSON.stringify({ v: 1, steps: steps }), store = storage();
    memory[KEY + id] = text;
    if (!store) return;
    try { store.setItem(KEY + id, text); } catch (error) { /* full or refused: memory keeps it */ }
  }

  // Words ------------------------------------------------------------------

  /** "about 45 min left" under an hour, else hours rounded to halves: "about 1.5 h left". */
  function timeLeft(minutes) {
    if (minutes < 60) return 'about ' + Math.max(1, Math.round(minutes)) + ' min left';
    return 'about ' + (Math.round(minutes / 30) / 2) + ' h left';
  }

  function plural(count, one, many) { return count + ' ' + (count === 1 ? one : many); }

  // Building elements --------------------------------------------------------

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function hidden(text) { return element('span', 'visually-hidden', text); }

  /** A checkbox whose accessible name is its word and the step's title: "Done (Title)". */
  function markBox(mark, title) {
    var label = element('label', 'pathway-mark pathway-mark--' + mark);
    var box = element('input', 'pathway-mark__box');
    box.type = 'checkbox';
    box.value = mark;
    label.appendChild(box);
    label.appendChild(document.createTextNode(' ' + (mark === 'done' ? 'Done' : 'Skipped')));
    label.appendChild(hidden(' (' + title + ')'));
    return { label: label, box: box };
  }

  // One pathway --------------------------------------------------------------

  /** Progress on one pathway section: its steps, their checkboxes, totals and tools. */
  function Pathway(section, number) {
    this.section = section;
    this.id = section.getAttribute('data-pathway');
    this.title = section.getAttribute('data-pathway-title') || this.id;
    this.number = number;
    this.live = section.querySelector('[data-pathway-progress]');
    this.marks = load(this.id);
    this.steps = [];
    this.nextLabel = element('span', 'pathway-step__next', 'Next step');
    this.nextLabel.setAttribute('aria-hidden', 'true');
    var items = section.querySelectorAll('.pathway-steps > li[data-step]');
    for (var i = 0; i < items.length; i++) this.steps.push(this.addControls(items[i]));
    this.addTools();
    this.show();
  }

  Pathway.prototype.addControls = function (item) {
    var self = this, heading = item.querySelector('.pathway-step__title');
    var title = (heading ? heading.textContent : item.getAttribute('data-step')).replace(/\s+/g, ' ').trim();
    var minutes = parseInt(item.getAttribute('data-minutes'), 10);
    var step = {
      id: item.getAttribute('data-step'), item: item, boxes: {},
      minutes: isFinite(minutes) && minutes > 0 ? minutes : 0,
      optional: item.hasAttribute('data-optional')
    };
    var group = element('div', 'pathway-step__marks');
    MARKS.forEach(function (mark) {
      var made = markBox(mark, title);
      step.boxes[mark] = made.box;
      made.box.addEventListener('change', function () {
        if (made.box.checked) self.marks[step.id] = mark;
        else if (self.marks[step.id] === mark) delete self.marks[step.id];
        save(self.id, self.marks);
        self.show();
      });
      group.appendChild(made.label);
    });
    item.appendChild(group);
    return step;
  };

  Pathway.prototype.addTools = function () {
    var self = this, list = this.section.querySelector('.pathway-steps');
    var tools = element('details', 'pathway-tools');
    tools.appendChild(element('summary', 'pathway-tools__summary', 'Export or import progress'));
    var body = element('div', 'pathway-tools__body');

    var exportId = 'pathway-export-' + this.number, importId = 'pathway-import-' + this.number;
    var exportLabel = element('label', 'pathway-tools__label', 'Your progress as one line, to paste into your log');
    exportLabel.htmlFor = exportId;
    this.line = element('input', 'pathway-tools__line');
    this.line.type = 'text';
    this.line.id = exportId;
    this.line.readOnly = true;
    this.line.spellcheck = false;
    var copy = element('button', 'pathway-tools__button', 'Copy');
    copy.type = 'button';
    var exportRow = element('div', 'pathway-tools__row');
    exportRow.appendChild(this.line);
    exportRow.appendChild(copy);

    var importLabel = element('label', 'pathway-tools__label', 'Paste a progress line (or a log holding one) to import it');
    importLabel.htmlFor = importId;
    var pasted = element('textarea', 'pathway-tools__paste');
    pasted.id = importId;
    pasted.rows = 2;
    pasted.spellcheck = false;
    var take = element('button', 'pathway-tools__button', 'Import');
    take.type = 'button';
    var importRow = element('div', 'pathway-tools__row');
    importRow.appendChild(pasted);
    importRow.appendChild(take);

    this.status = element('p', 'pathway-tools__status');
    this.status.setAttribute('role', 'status');

    [exportLabel, exportRow, importLabel, importRow, this.status].forEach(function (node) { body.appendChild(node); });
    tools.appendChild(body);
    if (list && list.parentNode) list.parentNode.insertBefore(tools, list.nextSibling);
    else this.section.appendChild(tools);

    copy.addEventListener('click', function () { self.copy(); });
    take.addEventListener('click', function () { self.say(self.importText(pasted.value)); });
  };

  /** Checkboxes, classes, the next step, the totals and the export line, from the marks. */
  Pathway.prototype.show = function () {
    var self = this, done = 0, skipped = 0, minutes = 0, open = 0, next = null;
    this.steps.forEach(function (step) {
      var mark = self.marks[step.id];
      MARKS.forEach(function (kind) {
        step.boxes[kind].checked = mark === kind;
        step.item.classList.toggle('pathway-step--' + kind, mark === kind);
      });
      if (mark === 'done') done++;
      else if (mark === 'skipped') skipped++;
      else {
        if (!next) next = step;
        if (!step.optional) { open++; minutes += step.minutes; }
      }
      step.item.classList.remove('pathway-step--next');
      step.item.removeAttribute('aria-current');
    });
    if (next) {
      next.item.classList.add('pathway-step--next');
      next.item.setAttribute('aria-current', 'step');
      var meta = next.item.querySelector('.pathway-step__meta') || next.item;
      meta.insertBefore(this.nextLabel, meta.firstChild);
    } else if (this.nextLabel.parentNode) {
      this.nextLabel.parentNode.removeChild(this.nextLabel);
    }
    var parts = [done + ' of ' + this.steps.length + ' done'];
    if (skipped) parts.push(skipped + ' skipped');
    if (!open) parts.push('all done');
    else if (minutes) parts.push(timeLeft(minutes));
    if (this.live) this.live.textContent = parts.join(' · ');
    if (this.line) this.line.value = this.exportLine(done);
  };

  /** `Pathway "Title": 4 of 9 done [outloud-pathway id done=a,b,c,d skipped=e]`: the
   *  marks of the steps on the page, in their order. */
  Pathway.prototype.exportLine = function (done) {
    var self = this, lists = { done: [], skipped: [] };
    this.steps.forEach(function (step) {
      var mark = self.marks[step.id];
      if (mark) lists[mark].push(step.id);
    });
    var bracket = '[outloud-pathway ' + this.id;
    MARKS.forEach(function (mark) {
      if (lists[mark].length) bracket += ' ' + mark + '=' + lists[mark].join(',');
    });
    return 'Pathway "' + this.title + '": ' + done + ' of ' + this.steps.length + ' done ' + bracket + ']';
  };

  /** Imports the last line in `text` for this pathway: the marks it names replace those
   *  stored for the same steps; other marks stay. Returns the message for the status line. */
  Pathway.prototype.importText = function (text) {
    var match, mine = null, other = null;
    LINE.lastIndex = 0;
    while ((match = LINE.exec(text)) !== null) {
      if (match[1] === this.id) mine = match;
      else if (!other) other = match[1];
    }
    if (!mine) return other ? 'This line is for another pathway (' + other + ').' : 'No progress line found.';
    var self = this, count = 0, unknown = 0, known = Object.create(null);
    this.steps.forEach(function (step) { known[step.id] = true; });
    mine[2].trim().split(/\s+/).forEach(function (part) {
      if (!part) return;
      var equals = part.indexOf('='), mark = part.slice(0, equals);
      part.slice(equals + 1).split(',').forEach(function (step) {
        if (!STEP.test(step)) return;
        self.marks[step] = mark;
        count++;
        if (!known[step]) unknown++;
      });
    });
    save(this.id, this.marks);
    this.show();
    var message = 'Imported ' + plural(count, 'mark', 'marks') + '.';
    if (unknown === 1) message += ' 1 is for a step not on this page; it is kept for when it comes back.';
    else if (unknown) message += ' ' + unknown + ' are for steps not on this page; they are kept for when they come back.';
    return message;
  };

  /** Copies the line with the Clipboard API, or selects it for the reader to copy. */
  Pathway.prototype.copy = function () {
    var self = this, text = this.line.value;
    function select() {
      self.line.focus();
      self.line.select();
      self.say('Selected: copy it with your keyboard or menu.');
    }
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { self.say('Copied.'); }, select);
    } else select();
  };

  Pathway.prototype.say = function (message) {
    // Emptied first, so the same message twice is announced twice.
    this.status.textContent = '';
    var status = this.status;
    window.setTimeout(function () { status.textContent = message; }, 50);
  };

  /** Another tab changed this pathway's progress: show it here too. */
  Pathway.prototype.reload = function () {
    delete memory[KEY + this.id];
    this.marks = load(this.id);
    this.show();
  };

  // Start --------------------------------------------------------------------

  function start() {
    var sections = document.querySelectorAll('section[data-pathway]'), pathways = [];
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].getAttribute('data-pathway')) pathways.push(new Pathway(sections[i], i));
    }
    window.addEventListener('storage', function (event) {
      pathways.forEach(function (pathway) {
        if (event.key === KEY + pathway.id || event.key === null) pathway.reload();
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
