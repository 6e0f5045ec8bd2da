/* The scenario editor's form: draws the form model (scenario/form.py) as fields, and the list
   operations (add, duplicate, move, delete). Every field carries data-path (where its value lives
   in the model) and every control a data-key, so a redraw can put focus back where it was.
   Adds LeadershipXBlocks.scenarioForm. */
(function (window) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, el = L.el;

    function getPath(model, path) {
        return path.split('.').reduce(function (node, part) { return node == null ? undefined : node[part]; }, model);
    }

    function setPath(model, path, value) {
        var parts = path.split('.'), last = parts.pop();
        getPath(model, parts.join('.'))[last] = value;
    }

    function kinds() {
        return {
            competencies: _('competency'), steps: _('step'), endings: _('ending'), choices: _('choice'), effects: _('effect')
        };
    }

    function listName(list) { return list.split('.').pop(); }

    function unique(prefix, taken) {
        var n = 1;
        while (taken.indexOf(prefix + '_' + n) >= 0) { n += 1; }
        return prefix + '_' + n;
    }

    function nodeIds(form) {
        return form.steps.map(function (s) { return s.id; }).concat(form.endings.map(function (e) { return e.id; }));
    }

    function idsIn(form, list) {
        var name = listName(list);
        if (name === 'steps' || name === 'endings') { return nodeIds(form); }
        if (name === 'effects') { return []; }
        return getPath(form, list).map(function (item) { return item.id; });
    }

    /* A new item for a list, with an id nobody in its scope has. */
    function blank(form, list) {
        var name = listName(list), taken = idsIn(form, list);
        if (name === 'competencies') { return {id: unique('competency', taken), label: ''}; }
        if (name === 'endings') { return {id: unique('ending', taken), title: '', html: '', score: ''}; }
        if (name === 'effects') { return {competency: (form.competencies[0] || {}).id || '', value: '1'}; }
        if (name === 'choices') {
            return {id: unique('choice', taken), label: '', mode: '', target: '', points: '0', feedback: '', effects: []};
        }
        return {id: unique('step', taken), title: '', html: '', demands: '', time_limit: '', timeout: '', weight: '1',
                shuffle: 'true', choices: []};
    }

    /* Apply one list action; returns the index of the item to focus afterwards (or -1). */
    function apply(form, action, list, index) {
        var items = getPath(form, list), copy;
        if (action === 'add') { items.push(blank(form, list)); return items.length - 1; }
        if (action === 'dup') {
            copy = JSON.parse(JSON.stringify(items[index]));
            if (copy.id !== undefined) { copy.id = unique(copy.id.replace(/_\d+$/, ''), idsIn(form, list)); }
            items.splice(index + 1, 0, copy);
            return index + 1;
        }
        if (action === 'up' && index > 0) { items.splice(index - 1, 0, items.splice(index, 1)[0]); return index - 1; }
        if (action === 'down' && index < items.length - 1) { items.splice(index + 1, 0, items.splice(index, 1)[0]); return index + 1; }
        if (action === 'del') { items.splice(index, 1); return Math.min(index, items.length - 1); }
        return index;
    }

    /* After an id changes, make every reference to the old id follow it. */
    function renameReferences(form, path, before, after) {
        if (!before || before === after) { return; }
        if (/^(steps|endings)\.\d+\.id$/.test(path)) {
            form.steps.forEach(function (step) {
                if (step.timeout === before) { step.timeout = after; }
                step.choices.forEach(function (c) { if (c.target === before) { c.target = after; } });
            });
        } else if (/^competencies\.\d+\.id$/.test(path)) {
            form.steps.forEach(function (step) {
                step.choices.forEach(function (c) {
                    c.effects.forEach(function (e) { if (e.competency === before) { e.competency = after; } });
                });
            });
        }
    }

    function Builder(uid, form, report, modes, collapsed) {
        this.uid = uid; this.form = form; this.report = report; this.modes = modes; this.collapsed = collapsed || {};
    }

    Builder.prototype.id = function (key) { return this.uid + '-f-' + key.replace(/[^A-Za-z0-9_-]/g, '-'); };

    Builder.prototype.field = function (path, label, input, help) {
        var id = this.id(path);
        input.id = id;
        input.setAttribute('data-path', path);
        input.setAttribute('data-key', path);
        if (help) { input.setAttribute('aria-describedby', id + '-help'); }
        return el('div', {className: 'lsx-ed-field'}, [el('label', {'for': id}, [label]), input,
            help ? el('p', {className: 'lsx-ed-help', id: id + '-help'}, [help]) : null]);
    };

    Builder.prototype.text = function (path, label, help, type) {
        return this.field(path, label, el('input', {type: type || 'text', value: getPath(this.form, path),
                                                    inputmode: type === 'number' ? 'decimal' : null}), help);
    };

    Builder.prototype.rich = function (path, label) {
        var self = this, box = el('div', {className: 'lsx-ed-preview', id: this.id(path) + '-preview', hidden: true});
        var wrap = this.field(path, label, el('textarea', {rows: '4'}, [getPath(this.form, path) || '']),
                              _('HTML is allowed; it is cleaned when saved.'));
        var toggle = el('button', {type: 'button', className: 'lsx-ed-small', 'aria-expanded': 'false',
                                   'aria-controls': box.id, 'data-key': 'preview:' + path}, [_('Preview')]);
        toggle.addEventListener('click', function () {
            var showing = toggle.getAttribute('aria-expanded') === 'true';
            toggle.setAttribute('aria-expanded', showing ? 'false' : 'true');
            box.hidden = showing;
            var cleaned = self.report.form ? getPath(self.report.form, path) : undefined;
            L.clear(box);
            if (cleaned === undefined) { box.appendChild(el('p', {}, [_('The preview appears after the next check.')])); }
            else { box.appendChild(el('div', {html: cleaned})); }  /* sanitised by the server (bleach) */
        });
        wrap.appendChild(toggle);
        wrap.appendChild(box);
        return wrap;
    };

    Builder.prototype.select = function (path, label, options, help) {
        var value = getPath(this.form, path), known = options.some(function (o) { return o.value === value; });
        if (!known) { options = options.concat([{value: value, label: L.format(_('{id} (not found)'), {id: value})}]); }
        return this.field(path, label, el('select', {}, options.map(function (o) {
            return el('option', {value: o.value, selected: o.value === value}, [o.label]);
        })), help);
    };

    Builder.prototype.nodeOptions = function (empty) {
        var form = this.form;
        return [{value: '', label: empty}].concat(form.steps.map(function (s) {
            return {value: s.id, label: L.format(_('Step: {title} ({id})'), {title: s.title || s.id, id: s.id})};
        }), form.endings.map(function (e) {
            return {value: e.id, label: L.format(_('Ending: {title} ({id})'), {title: e.title || e.id, id: e.id})};
        }));
    };

    Builder.prototype.tools = function (list, index, count, name) {
        var kind = kinds()[listName(list)], n = index + 1;
        var spec = [['up', _('Move up'), index === 0], ['down', _('Move down'), index === count - 1],
                    ['dup', _('Duplicate'), false], ['del', _('Delete'), false]];
        return el('div', {className: 'lsx-ed-tools'}, spec.map(function (s) {
            return el('button', {type: 'button', className: 'lsx-ed-small', 'data-action': s[0], 'data-list': list,
                                 'data-index': String(index), 'data-key': s[0] + ':' + list + '.' + index,
                                 'aria-disabled': s[2] ? 'true' : null,
                                 'aria-label': s[1] + ': ' + kind + ' ' + n + (name ? ' (' + name + ')' : '')}, [s[1]]);
        }));
    };

    Builder.prototype.addButton = function (list, text) {
        return el('button', {type: 'button', className: 'lsx-ed-add', 'data-action': 'add', 'data-list': list,
                             'data-key': 'add:' + list}, [text]);
    };

    Builder.prototype.item = function (list, index, count, level, heading, name, children) {
        var path = list + '.' + index, tools = this.tools(list, index, count, name);
        var foldable = list === 'steps' || list === 'endings', body = children;
        if (foldable) {  /* steps and endings fold to their heading, for an overview of a long scenario */
            var shut = !!this.collapsed[list + ':' + name], bodyId = this.id(path) + '-body';
            tools.insertBefore(el('button', {type: 'button', className: 'lsx-ed-small', 'data-action': 'toggle',
                'data-list': list, 'data-index': String(index), 'data-key': 'toggle:' + path, 'aria-controls': bodyId,
                'aria-expanded': shut ? 'false' : 'true', 'aria-label': (shut ? _('Show details') : _('Hide details')) + ': ' +
                kinds()[list] + ' ' + (index + 1) + ' (' + name + ')'}, [shut ? _('Show details') : _('Hide details')]), tools.firstChild);
            body = [el('div', {id: bodyId, hidden: shut}, children)];
        }
        return el('section', {className: 'lsx-ed-item lsx-ed-' + listName(list), 'data-item': path}, [
            el('h' + level, {id: this.id(path) + '-h', tabindex: '-1', 'data-key': 'h:' + path}, [heading]), tools
        ].concat(body));
    };

    Builder.prototype.choice = function (step, si, c, ci) {
        var self = this, base = 'steps.' + si + '.choices.' + ci;
        var modeOptions = [{value: '', label: _('Choose a mode')}].concat(this.modes.map(function (m) { return {value: m, label: m}; }));
        var competencies = [{value: '', label: _('Choose a competency')}].concat(this.form.competencies.map(function (k) {
            return {value: k.id, label: k.label || k.id};
        }));
        var effects = el('fieldset', {className: 'lsx-ed-effects'}, [el('legend', {}, [_('Effects on competencies')])].concat(
            c.effects.map(function (e, ei) {
                var p = base + '.effects.' + ei;
                return self.item(base + '.effects', ei, c.effects.length, 6, L.format(_('Effect {n}'), {n: ei + 1}), e.competency, [
                    self.select(p + '.competency', _('Competency'), competencies),
                    self.text(p + '.value', _('Value (a whole number)'))
                ]);
            }), [this.addButton(base + '.effects', _('Add an effect'))]));
        return this.item('steps.' + si + '.choices', ci, step.choices.length, 5,
            L.format(_('Choice {n}: {label}'), {n: ci + 1, label: c.label || c.id}), c.id, [
                this.text(base + '.id', _('Choice id')), this.text(base + '.label', _('Label')),
                this.select(base + '.mode', _('Decision mode'), modeOptions),
                this.select(base + '.target', _('Leads to'), this.nodeOptions(_('Choose a step or ending'))),
                this.text(base + '.points', _('Points'), _('Used by path scoring.'), 'text'),
                this.rich(base + '.feedback', _('Feedback')), effects
            ]);
    };

    Builder.prototype.demands = function (si) {
        var path = 'steps.' + si + '.demands', chosen = (getPath(this.form, path) || '').split(/\s+/), uid = this.id(path);
        return el('fieldset', {className: 'lsx-ed-demands'}, [el('legend', {}, [_('Modes this moment demands')])].concat(
            this.modes.map(function (m) {
                return el('label', {className: 'lsx-ed-check', 'for': uid + '-' + m}, [
                    el('input', {type: 'checkbox', id: uid + '-' + m, 'data-demand': path, 'data-mode': m,
                                 'data-key': path + ':' + m, checked: chosen.indexOf(m) >= 0}), ' ' + m]);
            })));
    };

    Builder.prototype.step = function (s, si) {
        var self = this, base = 'steps.' + si, order = this.id(base + '.shuffle');
        return this.item('steps', si, this.form.steps.length, 4,
            L.format(_('Step {n}: {title}'), {n: si + 1, title: s.title || s.id}), s.id, [
                this.text(base + '.id', _('Step id')), this.text(base + '.title', _('Title')),
                this.rich(base + '.html', _('Situation')), this.demands(si),
                this.text(base + '.weight', _('Weight'), _('How much this step counts (1 by default).')),
                this.text(base + '.time_limit', _('Time limit in seconds'), _('Leave empty for no time limit.')),
                this.select(base + '.timeout', _('When time runs out, go to'), this.nodeOptions(_('No timeout branch'))),
                el('div', {className: 'lsx-ed-field'}, [el('label', {className: 'lsx-ed-check', 'for': order}, [
                    el('input', {type: 'checkbox', id: order, 'data-shuffle': base + '.shuffle', 'data-key': base + '.shuffle',
                                 checked: s.shuffle === 'false'}), ' ' + _('Keep the authored order of choices')])]),
                el('div', {className: 'lsx-ed-sub'}, [el('p', {className: 'lsx-ed-sublabel'}, [_('Choices')])].concat(
                    s.choices.map(function (c, ci) { return self.choice(s, si, c, ci); }),
                    [this.addButton(base + '.choices', _('Add a choice'))]))
            ]);
    };

    Builder.prototype.settings = function (rows) {
        var uid = this.uid;
        return rows.map(function (row) {
            var id = uid + '-s-' + row.name, input, attrs = {id: id, 'data-setting': row.name, 'data-key': 'setting:' + row.name,
                                                            'aria-describedby': row.help ? id + '-help' : null};
            if (row.kind === 'boolean') {
                attrs.type = 'checkbox'; attrs.checked = !!row.value;
                return el('div', {className: 'lsx-ed-field'}, [el('label', {className: 'lsx-ed-check', 'for': id},
                    [el('input', attrs), ' ' + row.label]), row.help ? el('p', {className: 'lsx-ed-help', id: id + '-help'}, [row.help]) : null]);
            }
            if (row.kind === 'select') {
                input = el('select', attrs, row.options.map(function (o) {
                    return el('option', {value: o.value, selected: o.value === row.value}, [o.label]);
                }));
            } else {
                attrs.type = 'text'; attrs.value = row.value === null ? '' : String(row.value);
                attrs.inputmode = row.kind === 'string' ? null : 'decimal';
                input = el('input', attrs);
            }
            return el('div', {className: 'lsx-ed-field'}, [el('label', {'for': id}, [row.label]), input,
                row.help ? el('p', {className: 'lsx-ed-help', id: id + '-help'}, [row.help]) : null]);
        });
    };

    function section(title, children) {
        return el('section', {className: 'lsx-ed-section'}, [el('h3', {}, [title])].concat(children));
    }

    /* The whole form, for a form model, the settings rows and the last report. */
    function render(container, uid, form, rows, report, modes, collapsed) {
        var b = new Builder(uid, form, report, modes, collapsed);
        var fold = function (list, action, text) {
            return el('button', {type: 'button', className: 'lsx-ed-small', 'data-action': action, 'data-list': list,
                                 'data-key': action + ':' + list}, [text]);
        };
        L.clear(container);
        [section(_('Settings'), b.settings(rows)),
         section(_('Texts around the scenario'), [b.rich('content_note', _('Content note (shown before the first step)')),
                                                 b.rich('intro', _('Introduction')), b.rich('debrief', _('Debrief'))]),
         section(_('Competencies'), form.competencies.map(function (c, i) {
             return b.item('competencies', i, form.competencies.length, 4, L.format(_('Competency {n}: {label}'),
                 {n: i + 1, label: c.label || c.id}), c.id, [b.text('competencies.' + i + '.id', _('Competency id')),
                 b.text('competencies.' + i + '.label', _('Name'))]);
         }).concat([b.addButton('competencies', _('Add a competency'))])),
         section(_('Steps'), [el('div', {className: 'lsx-ed-tools'}, [fold('steps', 'fold', _('Hide the details of every step')),
                                                                     fold('steps', 'unfold', _('Show the details of every step'))])]
             .concat(form.steps.map(function (s, i) { return b.step(s, i); }), [b.addButton('steps', _('Add a step'))])),
         section(_('Endings'), form.endings.map(function (e, i) {
             var p = 'endings.' + i;
             return b.item('endings', i, form.endings.length, 4, L.format(_('Ending {n}: {title}'), {n: i + 1, title: e.title || e.id}),
                 e.id, [b.text(p + '.id', _('Ending id')), b.text(p + '.title', _('Title')), b.rich(p + '.html', _('Text')),
                        b.text(p + '.score', _('Score from 0 to 1'), _('Used by ending scoring; leave empty for none.'))]);
         }).concat([b.addButton('endings', _('Add an ending'))]))
        ].forEach(function (node) { container.appendChild(node); });
    }

    L.scenarioForm = {render: render, apply: apply, getPath: getPath, setPath: setPath,
                      renameReferences: renameReferences, kinds: kinds, listName: listName};
}(window));
