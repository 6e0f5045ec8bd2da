/* Studio editor of the leadership_scenario block: form and OLX views of one scenario, a live map,
   drafts kept in the browser, a preview. The server checks, converts and plays (editor_check,
   editor_preview); saving is the Studio save every block has (submit_studio_edits). */
/* exported LeadershipScenarioEditor */  // the entry point the XBlock runtime calls (initialize_js)
function LeadershipScenarioEditor(runtime, element, init) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, E = L.editor, F = L.scenarioForm, M = L.scenarioMap;
    var root = L.rootOf(element), args = L.initArgs(init);
    var part = function (name) { return root.querySelector('[data-role="' + name + '"]'); };
    var uid = (root.querySelector('.lsx-title') || {}).id || 'lsx-editor';
    var panels = {form: part('form'), olx: part('olx'), try: part('try')};
    var state = {
        form: args.report.form, report: args.report, rows: args.settings, tab: 'form', dirty: false,
        olxEdited: false, selected: null, timer: null, pending: null, lastSummary: '', collapsed: {}, drawing: false
    };
    var drafts = E.drafts('leadership-xblocks:scenario-draft:' + args.block), tabs = null;
    /* Checks may overlap (the latest counts); a failed check is said in the alert, a failed move in "Try it". */
    var checker = L.caller(runtime, element, {parallel: true, onError: function (message) { alertBox([message]); }});
    var preview = L.caller(runtime, element, {parallel: true});

    function status(text) { part('status').textContent = text; }

    function alertBox(messages) { E.alertList(part('alert'), messages); }

    function settingValue(row) { return row.value; }

    function rootSettings() {
        var out = {};
        state.rows.forEach(function (row) {
            if (row.name === 'scoring' || row.name === 'review') { out[row.name] = String(settingValue(row)); }
            if (row.name === 'shuffle') { out.shuffle = !!row.value; }
        });
        return out;
    }

    function request() {
        return state.tab === 'olx' || (state.olxEdited && !state.form) ?
            {olx: panels.olx.value, settings: rootSettings()} : {form: state.form, settings: rootSettings()};
    }

    // drafts ------------------------------------------------------------------------------
    function saveDraft() {
        var kept = drafts.save({form: state.form, olx: state.tab === 'olx' ? panels.olx.value : null,
                                rows: state.rows, base: args.body, at: new Date().toISOString()});
        if (!kept) { status(_('This browser could not keep a draft.')); }
    }

    function offerDraft() {
        E.offerDraft(part('draft'), drafts, _('An unsaved draft of this scenario from {time} is kept in this browser.'),
                     state, function (draft) {
                         if (draft.olx) { panels.olx.value = draft.olx; state.olxEdited = true; tabs.go('olx'); }
                         else { drawForm(); check(); }
                     }, part('status'));
    }

    // checking ----------------------------------------------------------------------------
    function drawSide() {
        var select = function (id) { openNode(id); };
        M.drawMap(part('map'), uid, state.report, state.selected, select, args.mode_names);
        M.drawProblems(part('problems'), state.report, select);
        M.drawOutline(part('outline'), state.report, select);
        var text = M.summary(state.report.problems);
        if (text !== state.lastSummary) { state.lastSummary = text; status(_('Checked:') + ' ' + text); }
    }

    function check() {
        clearTimeout(state.timer);
        state.timer = null;
        var sent = request();
        state.pending = checker('editor_check', sent).then(function (report) {
            if (!report) { return null; }
            state.report = report;
            if (sent.olx !== undefined && report.form && state.tab !== 'olx') { state.form = report.form; }
            drawSide();
            return report;
        });
        return state.pending;
    }

    function changed() {
        state.dirty = true;
        saveDraft();
        clearTimeout(state.timer);
        state.timer = setTimeout(check, 400);
    }

    /* Resolves with a report of exactly what is in the editor now. */
    function flush() { return state.timer || !state.pending ? check() : state.pending; }

    // the form ----------------------------------------------------------------------------
    /* The whole form again; focus on the element of `focusKey`, else where the author was (E.keepPlace). */
    function drawForm(focusKey) {
        var restore = E.keepPlace(panels.form), active = document.activeElement;
        var was = panels.form.contains(active) ? [active.getAttribute('data-key'), active.getAttribute('data-was')] : [];
        state.drawing = true;  /* the old fields' focusout and the refocus's focusin are not the author's */
        F.render(panels.form, uid, state.form, state.rows, state.report, args.modes, state.collapsed);
        var back = restore(focusKey);
        state.drawing = false;
        if (back && was[1] !== null && back.getAttribute('data-key') === was[0]) { back.setAttribute('data-was', was[1]); }
    }

    function onInput(event) {
        var t = event.target, path = t.getAttribute('data-path');
        if (path) { F.setPath(state.form, path, t.value); }
        else if (t.hasAttribute('data-demand')) {
            var p = t.getAttribute('data-demand'), modes = F.getPath(state.form, p).split(/\s+/).filter(Boolean);
            var m = t.getAttribute('data-mode'), at = modes.indexOf(m);
            if (t.checked && at < 0) { modes.push(m); } else if (!t.checked && at >= 0) { modes.splice(at, 1); }
            F.setPath(state.form, p, modes.join(' '));
        } else if (t.hasAttribute('data-shuffle')) { F.setPath(state.form, t.getAttribute('data-shuffle'), t.checked ? 'false' : 'true'); }
        else if (t.hasAttribute('data-setting')) {
            state.rows.forEach(function (row) {
                if (row.name !== t.getAttribute('data-setting')) { return; }
                if (row.kind === 'boolean') { row.value = t.checked; }
                else if (row.kind === 'integer') { row.value = t.value.trim() === '' ? null : (/^-?\d+$/.test(t.value.trim()) ? parseInt(t.value, 10) : t.value); }
                else if (row.kind === 'float') { row.value = t.value.trim() === '' || isNaN(Number(t.value)) ? (t.value.trim() || null) : Number(t.value); }
                else { row.value = t.value; }
                row.set = true;
            });
        } else { return; }
        changed();
    }

    /* Leaving an id, title or label that the author changed: the references to the id it had when the
       author came to it (data-was, kept across redraws) follow it, and the lists and headings too. */
    function onFocusOut(event) {
        var t = event.target, path = t.getAttribute('data-path'), before = t.getAttribute('data-was');
        if (state.drawing || !path || !/\.(id|title|label)$/.test(path) || before === t.value) { return; }
        t.setAttribute('data-was', t.value);
        if (/\.id$/.test(path)) { F.renameReferences(state.form, path, before, t.value); }
        setTimeout(function () { drawForm(); }, 0);  /* focus stays put */
        changed();
    }

    function onFocusIn(event) {
        var t = event.target;
        if (!state.drawing && t.getAttribute('data-path')) { t.setAttribute('data-was', t.value); }
    }

    function onClick(event) {
        var button = event.target.closest ? event.target.closest('[data-action]') : null;
        if (!button || !panels.form.contains(button) || button.getAttribute('aria-disabled') === 'true') { return; }
        var action = button.getAttribute('data-action'), list = button.getAttribute('data-list');
        var index = parseInt(button.getAttribute('data-index') || '0', 10), kind = F.kinds()[F.listName(list)];
        if (action === 'toggle' || action === 'fold' || action === 'unfold') { fold(action, list, index); return; }
        var at = F.apply(state.form, action, list, index), focusKey;
        if (action === 'add' || action === 'dup') { focusKey = 'h:' + list + '.' + at; }
        else if (action === 'del') { focusKey = at >= 0 ? 'h:' + list + '.' + at : 'add:' + list; }
        else { focusKey = action + ':' + list + '.' + at; }
        drawForm(focusKey);
        if (!panels.form.querySelector('[data-key="' + focusKey + '"]:focus')) {
            var heading = panels.form.querySelector('[data-key="h:' + list + '.' + at + '"]');
            if (heading) { heading.focus(); }
        }
        var said = {add: _('Added a {kind}.'), dup: _('Duplicated the {kind}.'), up: _('Moved the {kind} up.'),
                    down: _('Moved the {kind} down.'), del: _('Deleted the {kind}.')}[action];
        status(L.format(said, {kind: kind}));
        changed();
    }

    /* Show or hide the fields of one step or ending, or of every step; nothing in the scenario changes. */
    function fold(action, list, index) {
        if (action === 'toggle') {
            var key = list + ':' + F.getPath(state.form, list + '.' + index + '.id');
            if (state.collapsed[key]) { delete state.collapsed[key]; } else { state.collapsed[key] = true; }
            drawForm('toggle:' + list + '.' + index);
            return;
        }
        state.form.steps.forEach(function (step) {
            if (action === 'fold') { state.collapsed['steps:' + step.id] = true; } else { delete state.collapsed['steps:' + step.id]; }
        });
        drawForm(action + ':' + list);
    }

    function openNode(id) {
        state.selected = id;
        delete state.collapsed['steps:' + id];
        delete state.collapsed['endings:' + id];
        if (state.tab === 'form') { drawForm(); }
        var go = function () {
            var steps = state.form ? state.form.steps : [], endings = state.form ? state.form.endings : [];
            var i = steps.map(function (s) { return s.id; }).indexOf(id), list = 'steps';
            if (i < 0) { i = endings.map(function (e) { return e.id; }).indexOf(id); list = 'endings'; }
            var heading = i >= 0 && panels.form.querySelector('[data-key="h:' + list + '.' + i + '"]');
            if (heading) { L.focus(heading); }
            drawSide();
            var key = part('map').querySelector('[aria-current="true"]');
            if (!heading && key) { key.focus(); }
        };
        if (state.tab !== 'form') { tabs.go('form').then(go); } else { go(); }
    }

    // tabs --------------------------------------------------------------------------------
    /* May the editor show tab `name`? (E.tabs then shows it.) */
    function leave(name) {
        if (name === state.tab) { return Promise.resolve(true); }
        return flush().then(function (report) {
            if (state.tab === 'olx' && name !== 'olx') {
                if (!report || !report.form) {
                    alertBox([_('Fix the OLX before leaving this view: it is not well-formed XML.')]);
                    return false;
                }
                if (state.olxEdited) { state.form = report.form; state.olxEdited = false; }
            }
            if (name === 'olx' && report) { panels.olx.value = report.olx; }
            alertBox([]);
            state.tab = name;
            if (name === 'form') { drawForm(); }
            if (name === 'try') { L.scenarioTry.open(panels.try, state.form, state.report, play); }
            return true;
        });
    }

    // preview and save --------------------------------------------------------------------
    function play(node, choice) {
        var data = {form: state.form, settings: rootSettings(), node: node};
        if (choice) { data.choice = choice; }
        return preview('editor_preview', data);
    }

    function save(event) {
        event.preventDefault();
        E.save(runtime, element, {
            flush: flush, rows: state.rows, status: status, alert: alertBox,
            body: function (report) { return state.tab === 'olx' ? panels.olx.value : report.olx; },
            saved: function (values) { state.dirty = false; drafts.drop(); args.body = values.body; }
        });
    }

    panels.form.addEventListener('input', onInput);
    panels.form.addEventListener('change', function (event) {
        if (event.target.type === 'checkbox' || event.target.tagName === 'SELECT') { onInput(event); }
    });
    panels.form.addEventListener('focusin', onFocusIn);
    panels.form.addEventListener('focusout', onFocusOut);
    panels.form.addEventListener('click', onClick);
    panels.olx.addEventListener('input', function () { state.olxEdited = true; changed(); });
    tabs = E.tabs(root, leave);
    E.wireActions(part, runtime, save, state);
    panels.olx.value = state.report.olx;
    drawForm();
    drawSide();
    offerDraft();
}
