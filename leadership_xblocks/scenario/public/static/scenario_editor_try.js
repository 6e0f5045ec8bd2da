/* The scenario editor's "Try it" view: play the scenario being edited from any step. Each move is
   one call to the block's editor_preview handler, which stores nothing. Adds LeadershipXBlocks.scenarioTry. */
(function (window) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, el = L.el;

    function open(container, form, report, play) {
        L.clear(container);
        if (!form || !form.steps.length) {
            container.appendChild(el('p', {}, [_('Add a step to try the scenario.')]));
            return;
        }
        var id = (container.id || 'lsx-try') + '-start';
        var start = el('select', {id: id}, form.steps.map(function (s) {
            return el('option', {value: s.id}, [(s.title || s.id) + ' (' + s.id + ')']);
        }).concat(form.endings.map(function (e) {
            return el('option', {value: e.id}, [_('Ending') + ': ' + (e.title || e.id) + ' (' + e.id + ')']);
        })));
        var stage = el('div', {className: 'lsx-ed-stage', 'aria-live': 'polite'});
        var errors = (report.problems || []).filter(function (p) { return p.level === 'error'; }).length;

        function show(result, chosen) {
            var view = result.view;
            L.clear(stage);
            if (chosen) { stage.appendChild(el('p', {className: 'lsx-chosen'}, [L.format(_('You chose: {label}'), {label: chosen})])); }
            if (result.feedback) {
                stage.appendChild(el('div', {className: 'lsx-feedback-box'}, [el('h5', {}, [_('Feedback')]),
                                                                              el('div', {html: result.feedback})]));
            }
            var heading = el('h4', {tabindex: '-1'}, [(view.kind === 'ending' ? _('Ending') + ': ' : '') + (view.title || view.id)]);
            stage.appendChild(heading);
            stage.appendChild(el('div', {className: 'lsx-situation', html: view.html}));  /* sanitised by the server */
            if (view.kind === 'step') {
                stage.appendChild(el('ul', {className: 'lsx-choices'}, view.choices.map(function (c) {
                    return el('li', {}, [el('button', {type: 'button', className: 'lsx-choice', onclick: function () {
                        play(view.id, c.id).then(function (next) { show(next, c.label); }, fail);
                    }}, [c.label || c.id])]);
                })));
            } else if (view.debrief) {
                stage.appendChild(el('div', {className: 'lsx-feedback-box'}, [el('h5', {}, [_('Debrief')]), el('div', {html: view.debrief})]));
            }
            L.focus(heading);
        }

        function fail(error) {
            L.clear(stage);
            stage.appendChild(el('p', {className: 'lsx-problem-error', role: 'alert'}, [error.message]));
        }

        container.appendChild(el('p', {}, [_('Play the scenario as it is in the editor, from any step. Nothing is saved and no learner data is written.')]));
        if (errors) {
            container.appendChild(el('p', {className: 'lsx-problem-warning'}, [L.format(
                _('The scenario has {count} error(s): learners cannot play it until they are fixed.'), {count: errors})]));
        }
        container.appendChild(el('div', {className: 'lsx-ed-field'}, [el('label', {'for': id}, [_('Start from')]), start]));
        container.appendChild(el('button', {type: 'button', className: 'lsx-button', onclick: function () {
            play(start.value, null).then(function (result) { show(result, null); }, fail);
        }}, [_('Play from here')]));
        container.appendChild(stage);
    }

    L.scenarioTry = {open: open};
}(window));
