/* Studio editor of the activity blocks (time allocation first): their texts and lists as a form,
   and the same content as OLX. The server converts and checks (editor_check); the client never
   re-implements a rule. Shared parts (drafts, tabs, lists, save) are in editor_common.js. */
/* exported LeadershipActivityEditor */  // the entry point the XBlock runtime calls (initialize_js)
function LeadershipActivityEditor(runtime, element, init) {
    'use strict';
    var L = window.LeadershipXBlocks, E = L.editor, _ = L.gettext, el = L.el;
    var root = L.rootOf(element), args = L.initArgs(init), schema = args.schema;
    var part = function (name) { return root.querySelector('[data-role="' + name + '"]'); };
    var uid = (root.querySelector('.lsx-title') || {}).id || 'lsx-editor';
    var olx = part('olx'), formPanel = part('form');
    var state = {form: args.report.form, report: args.report, rows: args.settings, tab: 'form', dirty: false,
                 olxEdited: false, timer: null, pending: null};
    var drafts = E.drafts('leadership-xblocks:activity-draft:' + args.block);
    var call = L.caller(runtime, element, {parallel: true, onError: function (message) { alertBox([message]); }});

    function status(text) { part('status').textContent = text; }
    function alertBox(messages) { E.alertList(part('alert'), messages); }
    function listSchema(name) { return schema.lists.filter(function (l) { return l.name === name; })[0]; }

    // checking ------------------------------------------------------------------------------
    function request() { return state.tab === 'olx' ? {olx: olx.value} : {form: state.form}; }

    function drawProblems() {
        var box = L.clear(part('problems')), rows = state.report.problems;
        if (!rows.length) { box.appendChild(el('p', {}, [_('No problems found.')])); return; }
        box.appendChild(el('ul', {className: 'lsx-ed-problems'}, rows.map(function (p) {
            return el('li', {}, [(p.level === 'error' ? _('Error:') : _('Warning:')) + ' ' + p.message]);
        })));
    }

    function check() {
        clearTimeout(state.timer);
        state.timer = null;
        state.pending = call('editor_check', request()).then(function (report) {
            if (report) { state.report = report; drawProblems(); }
            return report;
        });
        return state.pending;
    }
    /* Resolves with the report of exactly what is in the editor now. */
    function flush() { return state.timer || !state.pending ? check() : state.pending; }

    function changed() {
        state.dirty = true;
        var kept = drafts.save({form: state.form, olx: state.tab === 'olx' ? olx.value : null, rows: state.rows,
                                at: new Date().toISOString()});
        if (!kept) { status(_('This browser could not keep a draft.')); }
        clearTimeout(state.timer);
        state.timer = setTimeout(check, 400);
    }

    // the form ------------------------------------------------------------------------------
    function field(id, label, help, control) {
        var helpId = help ? id + '-help' : null;
        if (helpId) { control.setAttribute('aria-describedby', helpId); }
        control.id = id;
        return el('div', {className: 'lsx-ed-field'}, [el('label', {'for': id}, [label]),
            help ? el('p', {className: 'lsx-ed-help', id: helpId}, [help]) : null, control]);
    }

    function settingControl(row) {
        if (row.options.length) {
            return el('select', {'data-setting': row.name}, row.options.map(function (o) {
                return el('option', {value: o.value, selected: String(o.value) === String(row.value)}, [o.label]);
            }));
        }
        return el('input', {type: 'text', 'data-setting': row.name, value: row.value === null ? '' : String(row.value)});
    }

    function tool(action, list, i, count, label, name) {
        var off = (action === 'up' && i === 0) || (action === 'down' && i === count - 1);
        return el('button', {type: 'button', className: 'lsx-ed-small', 'data-action': action, 'data-list': list,
                             'data-index': i, 'data-key': action + ':' + list + '.' + i, 'aria-disabled': off ? 'true' : null,
                             'aria-label': label + ': ' + name}, [label]);
    }

    function drawItem(spec, item, i, count) {
        var name = L.format(_('{kind} {number}'), {kind: spec.item, number: i + 1});
        var headingId = uid + '-' + spec.name + '-' + i;
        var heading = el('h4', {id: headingId, tabindex: '-1', 'data-key': 'h:' + spec.name + '.' + i},
                         [name + (item.label ? ': ' + item.label : '')]);
        var fields = spec.columns.map(function (c) {
            var path = spec.name + '.' + i + '.' + c.name;
            return field(uid + '-' + spec.name + '-' + i + '-' + c.name, c.label, c.help,
                         el('input', {type: 'text', 'data-path': path, 'data-key': path, value: item[c.name]}));
        });
        var tools = el('div', {className: 'lsx-ed-tools'}, [
            tool('up', spec.name, i, count, _('Move up'), name), tool('down', spec.name, i, count, _('Move down'), name),
            tool('dup', spec.name, i, count, _('Duplicate'), name), tool('del', spec.name, i, count, _('Delete'), name)
        ]);
        return el('div', {className: 'lsx-ed-item', role: 'group', 'aria-labelledby': headingId},
                  [heading].concat(fields, [tools]));
    }

    function drawForm(focusKey) {
        var active = document.activeElement;
        var key = focusKey || (active && formPanel.contains(active) ? active.getAttribute('data-key') : null);
        L.clear(formPanel);
        if (!state.form) { formPanel.appendChild(el('p', {}, [_('Fix the OLX first: it is not well-formed XML.')])); return; }
        formPanel.appendChild(el('fieldset', {className: 'lsx-ed-section'}, [el('legend', {}, [_('Settings')])].concat(
            state.rows.map(function (row) { return field(uid + '-set-' + row.name, row.label, row.help, settingControl(row)); }))));
        schema.texts.forEach(function (t) {
            formPanel.appendChild(field(uid + '-' + t.name, t.label, t.help, el('textarea', {
                'data-path': t.name, 'data-key': t.name, rows: t.html ? 6 : 2}, [state.form[t.name]])));
        });
        schema.lists.forEach(function (spec) {
            var items = state.form[spec.name];
            formPanel.appendChild(el('section', {className: 'lsx-ed-section', 'aria-labelledby': uid + '-' + spec.name + '-h'}, [
                el('h3', {id: uid + '-' + spec.name + '-h'}, [spec.label]),
                spec.help ? el('p', {className: 'lsx-ed-help'}, [spec.help]) : null
            ].concat(items.map(function (item, i) { return drawItem(spec, item, i, items.length); }), [
                el('button', {type: 'button', className: 'lsx-ed-add', 'data-action': 'add', 'data-list': spec.name,
                              'data-key': 'add:' + spec.name}, [L.format(_('Add a {kind}'), {kind: spec.item.toLowerCase()})])
            ])));
        });
        var target = key && formPanel.querySelector('[data-key="' + key.replace(/"/g, '\\"') + '"]');
        if (target) { target.focus(); }
    }

    function freshItem(spec, items, from) {
        var used = items.map(function (it) { return it.id; }), n = items.length + 1, base = spec.item.toLowerCase().replace(/\W+/g, '_');
        while (used.indexOf(base + '_' + n) >= 0) { n += 1; }
        var item = {};
        spec.columns.forEach(function (c) { item[c.name] = from ? from[c.name] : ''; });
        item.id = base + '_' + n;
        return item;
    }

    function onClick(event) {
        var button = event.target.closest ? event.target.closest('[data-action]') : null;
        if (!button || button.getAttribute('aria-disabled') === 'true') { return; }
        var action = button.getAttribute('data-action'), name = button.getAttribute('data-list');
        var spec = listSchema(name), items = state.form[name], index = parseInt(button.getAttribute('data-index') || '0', 10);
        var at = E.editList(items, action, index, action === 'add' || action === 'dup' ?
                            freshItem(spec, items, action === 'dup' ? items[index] : null) : null);
        var focusKey = action === 'up' || action === 'down' ? action + ':' + name + '.' + at :
            (at >= 0 ? 'h:' + name + '.' + at : 'add:' + name);
        drawForm(focusKey);
        if (!formPanel.querySelector('[data-key="' + focusKey + '"]:focus')) {
            var heading = formPanel.querySelector('[data-key="h:' + name + '.' + at + '"]');
            if (heading) { heading.focus(); }
        }
        var kind = spec.item.toLowerCase();
        status(L.format({add: _('Added a {kind}.'), dup: _('Duplicated the {kind}.'), up: _('Moved the {kind} up.'),
                         down: _('Moved the {kind} down.'), del: _('Deleted the {kind}.')}[action], {kind: kind}));
        changed();
    }

    function onInput(event) {
        var t = event.target, path = t.getAttribute('data-path'), setting = t.getAttribute('data-setting');
        if (path) {
            var parts = path.split('.');
            if (parts.length === 1) { state.form[path] = t.value; } else { state.form[parts[0]][+parts[1]][parts[2]] = t.value; }
        } else if (setting) {
            state.rows.forEach(function (row) { if (row.name === setting) { row.value = t.value; row.set = true; } });
        } else { return; }
        changed();
    }

    // tabs and save ---------------------------------------------------------------------------
    function leave(name) {
        if (name === state.tab) { return Promise.resolve(true); }
        return flush().then(function (report) {
            if (state.tab === 'olx') {
                if (!report || !report.form) {
                    alertBox([_('Fix the OLX before leaving this view: it is not well-formed XML.')]);
                    return false;
                }
                if (state.olxEdited) { state.form = report.form; state.olxEdited = false; }
            }
            if (name === 'olx' && report) { olx.value = report.olx; }
            alertBox([]);
            state.tab = name;
            if (name === 'form') { drawForm(); }
            return true;
        });
    }

    function save(event) {
        event.preventDefault();
        E.save(runtime, element, {
            flush: flush, rows: state.rows, status: status, alert: alertBox,
            body: function (report) { return state.tab === 'olx' ? olx.value : report.olx; },
            saved: function () { state.dirty = false; drafts.drop(); }
        });
    }

    function offerDraft() {
        E.offerDraft(part('draft'), drafts, _('An unsaved draft of this content from {time} is kept in this browser.'),
                     state, function (draft) {
                         if (draft.olx) { olx.value = draft.olx; state.olxEdited = true; state.tab = 'olx'; tabs.show('olx'); }
                         else { drawForm(); }
                         check();
                     }, part('status'));
    }

    formPanel.addEventListener('input', onInput);
    formPanel.addEventListener('change', function (event) {
        if (event.target.tagName === 'SELECT') { onInput(event); }
        if (/\.label$/.test(event.target.getAttribute('data-path') || '')) { setTimeout(function () { drawForm(); }, 0); }
    });
    formPanel.addEventListener('click', onClick);
    olx.addEventListener('input', function () { state.olxEdited = true; changed(); });
    var tabs = E.tabs(root, leave);
    E.wireActions(part, runtime, save, state);
    olx.value = state.report.olx;
    drawForm();
    drawProblems();
    offerDraft();
}
