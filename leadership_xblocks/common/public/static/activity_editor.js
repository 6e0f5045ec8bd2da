/* Studio editor of the activity blocks (reflection, self-assessment, time allocation): their texts and
   lists (lists may hold lists: a dimension's statements) as a form, and the same content as OLX. The
   server converts, cleans and checks (editor_check); the client never re-implements a rule. Shared
   parts (drafts, tabs, lists, save) are in editor_common.js.
   A form path names a value: "prompt", "functions.2.label", "dimensions.0.items.1.text"; a list path
   names a list: "functions", "dimensions.0.items". */
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
    function domId(path) { return uid + '-' + path.replace(/\./g, '-'); }
    function byKey(key) { return formPanel.querySelector('[data-key="' + key.replace(/"/g, '\\"') + '"]'); }

    /* The value at `path` in `data` (undefined when there is none). */
    function at(data, path) {
        return path.split('.').reduce(function (node, key) { return node === undefined || node === null ? undefined : node[key]; },
                                      data);
    }
    /* The schema of the list at a list path: "dimensions.0.items" is the `items` list of `dimensions`. */
    function listSchema(path) {
        return path.split('.').filter(function (key) { return !/^\d+$/.test(key); }).reduce(function (specs, name) {
            var found = (specs.lists || []).filter(function (l) { return l.name === name; })[0];
            return found || {};
        }, schema);
    }

    // checking ------------------------------------------------------------------------------
    function settingValues() {
        var values = {};
        state.rows.forEach(function (row) { values[row.name] = row.value; });
        return values;
    }
    function request() {
        var data = state.tab === 'olx' ? {olx: olx.value} : {form: state.form};
        data.settings = settingValues();
        return data;
    }

    function drawProblems() {
        var box = L.clear(part('problems')), rows = state.report.problems;
        if (!rows.length) { box.appendChild(el('p', {}, [_('No problems found.')])); }
        else {
            box.appendChild(el('ul', {className: 'lsx-ed-problems'}, rows.map(function (p) {
                return el('li', {}, [(p.level === 'error' ? _('Error:') : _('Warning:')) + ' ' + p.message]);
            })));
        }
        drawPreviews();
    }

    /* Each HTML text as learners will see it: the server's cleaned copy from the latest check. */
    function drawPreviews() {
        schema.texts.filter(function (t) { return t.html; }).forEach(function (t) {
            var box = formPanel.querySelector('[data-preview="' + t.name + '"]');
            if (!box) { return; }
            var cleaned = state.report.form ? state.report.form[t.name] : null;
            L.clear(box);
            if (cleaned === null || cleaned === undefined) {
                box.appendChild(el('p', {}, [_('The preview appears after the next check.')]));
            } else if (!cleaned) { box.appendChild(el('p', {}, [_('(empty)')])); }
            else { box.appendChild(el('div', {html: cleaned})); }  /* sanitised by the server (bleach) */
        });
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
    function field(id, label, help, control, after) {
        var helpId = help ? id + '-help' : null;
        if (helpId) { control.setAttribute('aria-describedby', helpId); }
        control.id = id;
        return el('div', {className: 'lsx-ed-field'}, [el('label', {'for': id}, [label]),
            help ? el('p', {className: 'lsx-ed-help', id: helpId}, [help]) : null, control, after || null]);
    }

    /* The control of a text at `path`: a short input, a text area (`long`, `html`) or a line. */
    function textControl(spec, path, value) {
        var attrs = {'data-path': path, 'data-key': path, 'data-title': spec.title ? 'true' : null};
        if (spec.html || spec['long']) { attrs.rows = spec.html ? 6 : 2; return el('textarea', attrs, [value]); }
        attrs.type = 'text';
        attrs.value = value;
        if (spec['short']) { attrs.inputmode = 'numeric'; attrs.className = 'lsx-ed-short'; }
        return el('input', attrs);
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

    /* An item's name: "Function 2", or within a parent item "Statement 1 of Dimension 2". */
    function itemName(spec, i, parentName) {
        var name = L.format(_('{kind} {number}'), {kind: spec.item, number: i + 1});
        return parentName ? L.format(_('{item} of {parent}'), {item: name, parent: parentName}) : name;
    }
    /* An item's heading: "Dimension 2", with its title when it has one ("Dimension 2: Leading teams"). */
    function itemTitle(spec, i, item) {
        var title = item[spec.title || 'label'];
        return L.format(_('{kind} {number}'), {kind: spec.item, number: i + 1}) + (title ? ': ' + title : '');
    }
    /* Where the nested list at `listPath` is: its parent list's path, the parent item's index, the list's name. */
    function parentOf(listPath) {
        var parts = listPath.split('.'), name = parts.pop(), index = Number(parts.pop());
        return {path: parts.join('.'), index: index, name: name};
    }
    /* The name of item `i` of the list at `listPath` ("Statement 1 of Dimension 2"). */
    function nameAt(listPath, i) {
        var up = listPath.indexOf('.') < 0 ? null : parentOf(listPath);
        return itemName(listSchema(listPath), i, up ? nameAt(up.path, up.index) : '');
    }

    /* For item `i` of a nested list: "Move to" (the other items of its parent's list) and Move, which puts it
       at the end of the same list in the chosen one. None when the parent's list has only one item. */
    function moveControl(listPath, i, count, name) {
        var up = parentOf(listPath), spec = listSchema(up.path), parents = at(state.form, up.path) || [];
        if (parents.length < 2) { return null; }
        var key = listPath + '.' + i, id = domId('dest-' + key), label = _('Move to');
        return el('div', {className: 'lsx-ed-move'}, [
            el('label', {'for': id}, [label]),
            el('select', {id: id, 'data-key': 'dest:' + key, 'aria-label': label + ': ' + name}, parents.map(function (p, j) {
                return j === up.index ? null : el('option', {value: j}, [itemTitle(spec, j, p)]);
            })),
            tool('to', listPath, i, count, _('Move'), name)
        ]);
    }

    function drawItem(spec, listPath, item, i, count, parentName, depth) {
        var path = listPath + '.' + i, name = itemName(spec, i, parentName);
        var headingId = domId('h-' + path);
        var heading = el('h' + (4 + 2 * depth), {id: headingId, tabindex: '-1', 'data-key': 'h:' + path},
                         [itemTitle(spec, i, item)]);
        var fields = spec.columns.map(function (c) {
            return field(domId(path + '.' + c.name), c.label, c.help,
                         textControl({title: c.name === (spec.title || 'label'), 'short': c['short'], 'long': c['long']},
                                     path + '.' + c.name, item[c.name]));
        });
        var nested = (spec.lists || []).map(function (sub) {
            return drawList(sub, path + '.' + sub.name, item[sub.name], name, depth + 1);
        });
        var tools = el('div', {className: 'lsx-ed-tools'}, [
            tool('up', listPath, i, count, _('Move up'), name), tool('down', listPath, i, count, _('Move down'), name),
            tool('dup', listPath, i, count, _('Duplicate'), name), tool('del', listPath, i, count, _('Delete'), name)
        ]);
        return el('div', {className: 'lsx-ed-item', role: 'group', 'aria-labelledby': headingId},
                  [heading].concat(fields, nested, [tools, parentName ? moveControl(listPath, i, count, name) : null]));
    }

    /* A list and its Add button; `parentName` names the item that holds it (none at the top). */
    function drawList(spec, listPath, items, parentName, depth) {
        var headingId = domId('list-' + listPath), kind = spec.item.toLowerCase();
        var label = parentName ? L.format(_('{list} of {parent}'), {list: spec.label, parent: parentName}) : spec.label;
        var add = parentName ? L.format(_('Add a {kind} to {parent}'), {kind: kind, parent: parentName}) :
            L.format(_('Add a {kind}'), {kind: kind});
        return el('section', {className: 'lsx-ed-section' + (depth ? ' lsx-ed-nested' : ''), 'aria-labelledby': headingId}, [
            el('h' + (3 + 2 * depth), {id: headingId}, [label]),
            spec.help ? el('p', {className: 'lsx-ed-help'}, [spec.help]) : null
        ].concat(items.map(function (item, i) { return drawItem(spec, listPath, item, i, items.length, parentName, depth); }), [
            el('button', {type: 'button', className: 'lsx-ed-add', 'data-action': 'add', 'data-list': listPath,
                          'data-key': 'add:' + listPath}, [add])
        ]));
    }

    function drawText(t) {
        var preview = null;
        if (t.html) {
            preview = el('div', {className: 'lsx-ed-preview-box'}, [
                el('p', {className: 'lsx-ed-help', id: domId(t.name) + '-preview-label'}, [_('Preview, cleaned as it will be saved:')]),
                el('div', {className: 'lsx-ed-rendered', 'data-preview': t.name, role: 'group',
                           'aria-labelledby': domId(t.name) + '-preview-label'})
            ]);
        }
        return field(domId(t.name), t.label, t.help, textControl(t, t.name, state.form[t.name]), preview);
    }

    /* The whole form again; focus on the element of `focusKey`, else where the author was (E.keepPlace). */
    function drawForm(focusKey) {
        var restore = E.keepPlace(formPanel);
        L.clear(formPanel);
        if (!state.form) { formPanel.appendChild(el('p', {}, [_('Fix the OLX first: it is not well-formed XML.')])); return; }
        formPanel.appendChild(el('fieldset', {className: 'lsx-ed-section'}, [el('legend', {}, [_('Settings')])].concat(
            state.rows.map(function (row) { return field(uid + '-set-' + row.name, row.label, row.help, settingControl(row)); }))));
        schema.texts.forEach(function (t) { formPanel.appendChild(drawText(t)); });
        schema.lists.forEach(function (spec) { formPanel.appendChild(drawList(spec, spec.name, state.form[spec.name], '', 0)); });
        drawPreviews();
        restore(focusKey);
    }

    /* A title left: the headings and "Move to" choices that show it say it, in place (a redraw would take
       the author's place in the field they went to). */
    function retitle() {
        Array.prototype.forEach.call(formPanel.querySelectorAll('[data-key^="h:"]'), function (heading) {
            var path = heading.getAttribute('data-key').slice(2), cut = path.lastIndexOf('.');
            heading.textContent = itemTitle(listSchema(path.slice(0, cut)), Number(path.slice(cut + 1)), at(state.form, path));
        });
        Array.prototype.forEach.call(formPanel.querySelectorAll('select[data-key^="dest:"]'), function (select) {
            var key = select.getAttribute('data-key').slice(5), up = parentOf(key.slice(0, key.lastIndexOf('.')));
            var spec = listSchema(up.path), parents = at(state.form, up.path);
            Array.prototype.forEach.call(select.options, function (option) {
                option.textContent = itemTitle(spec, Number(option.value), parents[Number(option.value)]);
            });
        });
    }

    /* Every id already used by the items of lists of this schema (statement ids are unique across dimensions). */
    function usedIds(spec) {
        var used = [];
        (function walk(node, specs) {
            specs.forEach(function (s) {
                (node[s.name] || []).forEach(function (it) {
                    if (s === spec) { used.push(it.id); }
                    walk(it, s.lists || []);
                });
            });
        }(state.form, schema.lists));
        return used;
    }

    /* A new item for a list of `count` items (a copy of `from`, or empty), with fresh ids for it and every
       item it holds ("function_3": the first free number from the item's place on). */
    function freshItem(spec, from, count, taken) {
        var item = {};
        spec.columns.forEach(function (c) { item[c.name] = from ? from[c.name] : ''; });
        if (Object.prototype.hasOwnProperty.call(item, 'id')) {
            var used = taken || usedIds(spec), base = spec.item.toLowerCase().replace(/\W+/g, '_'), n = count + 1;
            while (used.indexOf(base + '_' + n) >= 0) { n += 1; }
            item.id = base + '_' + n;
            used.push(item.id);
        }
        (spec.lists || []).forEach(function (sub) {
            var children = from ? from[sub.name] : [], subTaken = usedIds(sub);
            item[sub.name] = children.map(function (child, i) { return freshItem(sub, child, i, subTaken); });
        });
        return item;
    }

    function onClick(event) {
        var button = event.target.closest ? event.target.closest('[data-action]') : null;
        if (!button || button.getAttribute('aria-disabled') === 'true') { return; }
        var action = button.getAttribute('data-action'), path = button.getAttribute('data-list');
        if (action === 'to') { moveItem(path, parseInt(button.getAttribute('data-index'), 10)); return; }
        var spec = listSchema(path), items = at(state.form, path), index = parseInt(button.getAttribute('data-index') || '0', 10);
        var where = E.editList(items, action, index, action === 'add' || action === 'dup' ?
                               freshItem(spec, action === 'dup' ? items[index] : null, items.length) : null);
        var focusKey = action === 'up' || action === 'down' ? action + ':' + path + '.' + where :
            (where >= 0 ? 'h:' + path + '.' + where : 'add:' + path);
        drawForm(focusKey);
        if (!formPanel.querySelector('[data-key="' + focusKey + '"]:focus')) {
            var heading = byKey('h:' + path + '.' + where);
            if (heading) { heading.focus(); }
        }
        var kind = spec.item.toLowerCase();
        status(L.format({add: _('Added a {kind}.'), dup: _('Duplicated the {kind}.'), up: _('Moved the {kind} up.'),
                         down: _('Moved the {kind} down.'), del: _('Deleted the {kind}.')}[action], {kind: kind}));
        changed();
    }

    /* Item `index` of the nested list at `path` to the end of the same list in the item its "Move to" names. */
    function moveItem(path, index) {
        var up = parentOf(path), to = Number(byKey('dest:' + path + '.' + index).value), name = nameAt(path, index);
        var spec = listSchema(up.path), target = at(state.form, up.path)[to], title = target[spec.title || 'label'];
        target[up.name] = target[up.name] || [];
        var where = E.editList(at(state.form, path), 'to', index, target[up.name]);
        drawForm('h:' + up.path + '.' + to + '.' + up.name + '.' + where);
        status(title ? L.format(_('{item} moved to {kind} \u201c{title}\u201d.'),
                                {item: name, kind: spec.item.toLowerCase(), title: title}) :
            L.format(_('{item} moved to {parent}.'), {item: name, parent: itemTitle(spec, to, target)}));
        changed();
    }

    function onInput(event) {
        var t = event.target, path = t.getAttribute('data-path'), setting = t.getAttribute('data-setting');
        if (path) {
            var cut = path.lastIndexOf('.');
            if (cut < 0) { state.form[path] = t.value; } else { at(state.form, path.slice(0, cut))[path.slice(cut + 1)] = t.value; }
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
            fields: function (report) { return report.fields; },
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
        if (event.target.getAttribute('data-title')) { retitle(); }
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
