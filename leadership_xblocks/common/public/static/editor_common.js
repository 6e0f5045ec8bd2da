/* What the Studio editors share (the scenario editor and the activity editors): drafts kept in the
   browser, the Form/OLX tabs, list editing, the Studio save, Cancel and the warning before leaving. */
(function (window) {
    'use strict';
    var L = window.LeadershipXBlocks;

    /* fn() or, when it throws (storage off or full, a draft that is not JSON), fallback(). */
    function attempt(fn, fallback) { try { return fn(); } catch (error) { return fallback(error); } }

    /* A draft kept in localStorage under `key`: load() (null when none), save(value) (false when the
       browser refuses), drop(). */
    function drafts(key) {
        var store = attempt(function () { return window.localStorage; }, function () { return null; });
        return {
            load: function () {
                return attempt(function () { return store && JSON.parse(store.getItem(key) || 'null'); },
                               function () { return null; });
            },
            save: function (value) {
                if (!store) { return true; }
                return attempt(function () { store.setItem(key, JSON.stringify(value)); return true; },
                               function () { return false; });
            },
            drop: function () { if (store) { store.removeItem(key); } }
        };
    }

    /* Wire the tabs of `root` ([role="tab"][data-tab] and [data-panel]): click, arrow keys, Home, End.
       `leave(name)` resolves true when the editor may show tab `name`; then the tab is shown. */
    function tabs(root, leave) {
        var all = function () { return Array.prototype.slice.call(root.querySelectorAll('[role="tab"]')); };
        function show(name) {
            all().forEach(function (tab) {
                var on = tab.getAttribute('data-tab') === name;
                tab.setAttribute('aria-selected', on ? 'true' : 'false');
                tab.setAttribute('tabindex', on ? '0' : '-1');
                root.querySelector('[data-panel="' + tab.getAttribute('data-tab') + '"]').hidden = !on;
            });
        }
        function go(name) { return leave(name).then(function (ok) { if (ok) { show(name); } return ok; }); }
        all().forEach(function (tab) {
            tab.addEventListener('click', function () { go(tab.getAttribute('data-tab')); });
            tab.addEventListener('keydown', function (event) {
                var list = all(), i = list.indexOf(tab), keys = {ArrowRight: i + 1, ArrowLeft: i - 1 + list.length,
                                                                Home: 0, End: list.length - 1};
                if (!Object.prototype.hasOwnProperty.call(keys, event.key)) { return; }
                event.preventDefault();
                var next = list[keys[event.key] % list.length];
                next.focus();
                go(next.getAttribute('data-tab'));
            });
        });
        return {go: go, show: show};
    }

    /* Apply a list action to `list` in place: 'add' (appends `fresh`), 'dup', 'up', 'down', 'del', 'to'
       (moves the item to the end of the list `fresh`). Returns the index of the item the action leaves in
       focus (in `fresh` for 'to'; -1 when the list is empty). */
    function editList(list, action, index, fresh) {
        if (action === 'add') { list.push(fresh); return list.length - 1; }
        if (action === 'to') { fresh.push(list.splice(index, 1)[0]); return fresh.length - 1; }
        if (action === 'dup') { list.splice(index + 1, 0, fresh); return index + 1; }
        var to = action === 'up' ? index - 1 : index + 1;
        if ((action === 'up' || action === 'down') && to >= 0 && to < list.length) {
            var moved = list.splice(index, 1)[0];
            list.splice(to, 0, moved);
            return to;
        }
        if (action === 'del') { list.splice(index, 1); return Math.min(index, list.length - 1); }
        return index;
    }

    /* The author's place in `container` before a redraw: the focused element, known by its data-key (never
       by DOM identity), its selection and scroll, and the scroll of every box around the container (the
       page too). Returns restore(key), to call after the redraw: it puts the scroll back and focuses the
       element of `key` (else of the key that had focus; none found: nothing), the same field getting its
       selection and scroll back, so a field Tab reached stays all selected and a click's caret stays put. */
    function keepPlace(container) {
        var active = document.activeElement, had = active && container.contains(active) ? active.getAttribute('data-key') : null;
        var text = had && typeof active.selectionStart === 'number' ?
            [active.selectionStart, active.selectionEnd, active.selectionDirection, active.scrollTop, active.scrollLeft] : null;
        var boxes = [];
        for (var node = container.parentNode; node && node.nodeType === 1; node = node.parentNode) {
            if (node.scrollTop || node.scrollLeft) { boxes.push([node, node.scrollTop, node.scrollLeft]); }
        }
        return function (key) {
            var same = !key || key === had, target = (key || had) &&
                container.querySelector('[data-key="' + (key || had).replace(/"/g, '\\"') + '"]');
            boxes.forEach(function (box) { box[0].scrollTop = box[1]; box[0].scrollLeft = box[2]; });
            if (!target) { return null; }
            target.focus(same ? {preventScroll: true} : undefined);  /* a new place is scrolled to, if need be */
            if (same && text && typeof target.selectionStart === 'number') {
                target.setSelectionRange(text[0], text[1], text[2]);
                target.scrollTop = text[3];
                target.scrollLeft = text[4];
            }
            return target;
        };
    }

    /* Studio's save of the block's fields (xblock.utils' submit_studio_edits). Resolves with
       {ok: true} or {ok: false, messages: [...]} (the server's validation messages); rejects when the
       server could not be reached. */
    function studioSave(runtime, element, values, defaults) {
        var call = L.caller(runtime, element, {parallel: true});
        return call('submit_studio_edits', {values: values, defaults: defaults}).then(function () {
            return {ok: true};
        }, function (failure) {
            if (!failure.body) { throw failure; }  /* not reached: save() says the work is kept as a draft */
            var error = failure.body.error;
            return {ok: false, messages: error && error.messages ? error.messages.map(function (m) { return m.text; }) :
                [typeof error === 'string' ? error : L.gettext('The changes could not be saved.')]};
        });
    }

    /* Show `messages` (text) as a list in the alert `box`; none empties it. */
    function alertList(box, messages) {
        L.clear(box);
        if (messages.length) { box.appendChild(L.el('ul', {}, messages.map(function (m) { return L.el('li', {}, [m]); }))); }
    }

    /* Offer the draft kept in `store` (see drafts) in `box`, said by `template` ({time}): Recover puts it in
       `state` (form, rows, dirty) and calls restore(draft) to draw it; Discard drops it. `statusBox` says which. */
    function offerDraft(box, store, template, state, restore, statusBox) {
        var el = L.el, _ = L.gettext, draft = store.load(), close = function () { L.clear(box); box.hidden = true; };
        if (!draft || !draft.form) { return; }
        box.hidden = false;
        box.appendChild(el('p', {}, [L.format(template, {time: new Date(draft.at).toLocaleString()})]));
        box.appendChild(el('div', {className: 'lsx-row'}, [
            el('button', {type: 'button', className: 'lsx-button', onclick: function () {
                close();
                state.form = draft.form; state.rows = draft.rows || state.rows; state.dirty = true;
                restore(draft);
                statusBox.textContent = _('The draft is back in the editor. Save to keep it.');
                L.focus(statusBox);
            }}, [_('Recover the draft')]),
            el('button', {type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
                close(); store.drop(); statusBox.textContent = _('The draft was discarded.');
            }}, [_('Discard the draft')])
        ]));
    }

    /* The Studio save of an editor: `o.flush()` resolves with the server's report of what is in the
       editor (null: nothing to save), `o.rows` are its setting rows, `o.body(report)` the OLX to save, or
       `o.fields(report)` the content fields to save (null: no field can hold it, refused with the report's
       errors); `o.status(text)`, `o.alert(messages)` and `o.saved()` say how it went. */
    function save(runtime, element, o) {
        var _ = L.gettext;
        function refused(messages) {
            o.alert([_('Not saved: fix these problems first. Your work is still here.')].concat(messages));
            o.status(_('Not saved.'));
            runtime.notify('error', {title: _('Unable to update settings'), message: messages.join(' ')});
        }
        o.status(_('Saving\u2026'));
        runtime.notify('save', {state: 'start', message: _('Saving')});
        return o.flush().then(function (report) {
            if (!report) { return null; }
            var values = {}, defaults = [], fields = o.fields ? o.fields(report) : {body: o.body(report)};
            if (!fields) {
                return refused(report.problems.filter(function (p) { return p.level === 'error'; })
                               .map(function (p) { return p.message; }));
            }
            o.rows.forEach(function (row) {
                if (!row.set && row.value === row['default']) { defaults.push(row.name); } else { values[row.name] = row.value; }
            });
            Object.keys(fields).forEach(function (name) { values[name] = fields[name]; });
            return studioSave(runtime, element, values, defaults).then(function (result) {
                if (result.ok) {
                    o.alert([]); o.status(_('Saved.')); o.saved(values);
                    runtime.notify('save', {state: 'end'});
                    return;
                }
                refused(result.messages);
            });
        }).catch(function () {
            o.alert([_('The server could not be reached. Your work is kept as a draft in this browser.')]);
        });
    }

    /* Wire an editor's Save (`save`) and Cancel, and ask before the page goes while `state.dirty`.
       Cancel closes the editor without asking: unsaved work stays as the browser's draft. */
    function wireActions(part, runtime, save, state) {
        part('save').addEventListener('click', save);
        part('cancel').addEventListener('click', function (event) {
            event.preventDefault();
            state.dirty = false;
            runtime.notify('cancel', {});
        });
        window.addEventListener('beforeunload', function (event) {
            if (!state.dirty) { return undefined; }
            event.preventDefault();
            event.returnValue = '';
            return '';
        });
    }

    L.editor = {attempt: attempt, drafts: drafts, tabs: tabs, editList: editList, keepPlace: keepPlace,
                alertList: alertList, offerDraft: offerDraft, save: save, wireActions: wireActions};
}(window));
