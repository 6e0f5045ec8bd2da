/* Facilitator dashboard and "present" mode for every leadership block (staff only).
 *
 * The server renders a `[data-lsx-dashboard]` region (templates/staff_dashboard.html) only for
 * staff, with the URL of the block's `staff_dashboard` JSON handler. Everything shown is counts
 * and shares: there are no names or learner ids in what the handler returns.
 * Mounting is idempotent: this file mounts every region on load, and block scripts call
 * `LeadershipDashboard.mountAll(root)` for regions added later.
 */
(function (window, document) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, el = L.el, table = window.LeadershipXBlocksCharts.table;

    /* What each block's "started" and "completed" counts mean: a row exists only once a learner has
       done something in that block (a self-assessment only on submit), so the words say what. */
    var COUNTED = {
        leadership_scenario: [_('Made at least one decision'), _('Finished an attempt')],
        leadership_self_assessment: [_('Submitted their ratings'), null],
        leadership_reflection: [_('Saved a draft or submitted'), _('Submitted a reflection')],
        leadership_time_allocation: [_('Submitted an answer'), null]
    };
    var NO_ANSWERS = _('no answers yet');

    function percent(share) { return Math.round((share || 0) * 100) + '%'; }
    function number(value, digits) {
        if (value === null || value === undefined) { return NO_ANSWERS; }
        var f = Math.pow(10, digits === undefined ? 1 : digits);
        return String(Math.round(value * f) / f);
    }
    function reducedMotion() {
        return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    }

    /* A decorative bar beside a percentage that is always also given as text. */
    function bar(share) {
        var fill = el('span', {className: 'lsx-bar-fill'});
        fill.style.width = percent(share);
        return el('span', {className: 'lsx-bar', 'aria-hidden': 'true'}, [fill]);
    }

    /* The decision modes' titles come with the figures (`mode_names`, scenario/labels.py).
       "consensual consultative" (a step that fits either) reads "Consensual, Consultative". */
    function modeNames(modes, names) {
        return String(modes).split(/\s+/).map(function (mode) { return names[mode] || mode; }).join(', ');
    }
    /* A choice's label is authored (in the content language `lang`); "Time ran out" is interface text. */
    function choiceLabel(row, lang) { return row.timed_out ? _('Time ran out') : L.own(row.label, lang); }
    function modeLabel(names) {
        return function (row) { return row.timed_out ? _('Time ran out') : (names[row.mode] || row.mode || '-'); };
    }

    // Dashboard -----------------------------------------------------------------------------
    function renderScores(box, scores) {
        if (!scores || !scores.n) { return; }
        box.appendChild(table(L.format(_('Score distribution (learners with a score: {n}; mean {mean})'),
            {n: scores.n, mean: percent(scores.mean)}), [_('Best score'), _('Learners')],
            scores.bins.map(function (b) { return [percent(b.from) + '-' + percent(b.to), b.count]; })));
    }

    function renderScenario(box, data, lang) {
        var names = data.mode_names || {};
        box.appendChild(el('h4', {}, [_('Decisions, step by step')]));
        data.steps.forEach(function (step) {
            var section = el('section', {className: 'lsx-dash-step'});
            section.appendChild(el('h5', {lang: lang}, [step.title]));
            var demands = step.demands ? ' ' + L.format(_('This step demands: {mode}.'), {mode: modeNames(step.demands, names)}) : '';
            if (!step.n) {  /* an unanswered step says so, with no empty figures */
                section.appendChild(el('p', {}, [_('No answers yet.') + demands]));
                box.appendChild(section);
                return;
            }
            section.appendChild(el('p', {}, [L.format(_('Answered by {n}. Timeouts taken: {timeouts}.'),
                {n: step.n, timeouts: step.timeouts}) + (step.mean_seconds === null || step.mean_seconds === undefined ?
                '' : ' ' + L.format(_('Mean time to decide: {seconds} s.'), {seconds: number(step.mean_seconds)})) +
                demands]));
            section.appendChild(table(L.fill(_('Choices at "{title}"'), {title: L.own(step.title, lang)}),
                [_('Choice'), _('Mode'), _('Learners'), _('Share')], step.choices.map(function (c) {
                    return [choiceLabel(c, lang), c.timed_out ? _('no mode') : (names[c.mode] || _('no mode')), c.count, percent(c.share)];
                })));
            section.appendChild(table(L.fill(_('Decision modes at "{title}"'), {title: L.own(step.title, lang)}),
                [_('Mode'), _('Learners'), _('Share')], step.modes.map(function (m) {
                    return [modeLabel(names)(m), m.count, percent(m.share)];
                })));
            box.appendChild(section);
        });
        box.appendChild(el('p', {}, [L.format(_('Timeouts taken in all steps: {n}.'), {n: data.timeouts})]));
        box.appendChild(table(L.format(_('Endings (learners who finished an attempt: {n}; each one\'s latest counts)'),
            {n: data.finished}), [_('Ending'), _('Learners'), _('Share')], data.endings.map(function (e) {
                return [L.own(e.title, lang), e.count, percent(e.share)];
            })));
        box.appendChild(el('h4', {}, [_('Most common paths')]));
        if (!data.paths.length) {
            box.appendChild(el('p', {}, [_('No learner has reached an ending yet.')]));
        } else {
            box.appendChild(el('ol', {className: 'lsx-paths'}, data.paths.map(function (p) {
                var steps = el('span', {});
                p.decisions.forEach(function (d, i) {
                    steps.appendChild(document.createTextNode(i ? ' \u2192 ' : ''));
                    steps.appendChild(L.own(d.step, lang));
                    steps.appendChild(document.createTextNode(': '));
                    steps.appendChild(d.timed_out ? document.createTextNode(_('Time ran out')) : L.own(d.choice, lang));
                });
                return el('li', {}, L.fill(_('Learners: {count} ({share}). {steps} \u2192 ending: {ending}'),
                    {count: p.count, share: percent(p.share), steps: steps, ending: L.own(p.ending, lang)}));
            })));
        }
        if (data.competencies.rows.length) {
            box.appendChild(table(L.format(_('Mean competency profile (learners: {n})'), {n: data.competencies.n}),
                [_('Competency'), _('Mean change')], data.competencies.rows.map(function (c) {
                    return [L.own(c.label, lang), number(c.mean)];
                })));
        }
    }

    function renderMeans(box, data, lang) {
        (data.means || []).forEach(function (group) {
            box.appendChild(table(L.fill(_('{title} (learners: {n})'), {title: L.own(group.title, lang), n: group.n}),
                [_('Item'), _('Mean')], group.rows.map(function (r) { return [L.own(r.label, lang), number(r.mean)]; })));
        });
    }

    function renderDashboard(box, payload, lang) {
        var data = payload.dashboard;
        L.clear(box);
        if (!payload.available) {
            box.appendChild(el('p', {}, [_('Cohort data is not available in this installation.')]));
            return;
        }
        var counted = COUNTED[data.block_type] || [_('Started'), _('Completed')];
        box.appendChild(table(_('Learners'), [_('Measure'), _('Learners')], [[counted[0], data.learners.started]]
            .concat(counted[1] ? [[counted[1], data.learners.completed]] : [])));
        renderScores(box, data.scores);
        if (data.kind === 'scenario') { renderScenario(box, data, lang); }
        renderMeans(box, data, lang);
        box.appendChild(el('p', {className: 'lsx-kicker'}, [L.format(_('Figures as of {time}.'),
            {time: new Date(payload.generated_at).toLocaleTimeString()})]));
    }

    // Present mode ---------------------------------------------------------------------------
    function presentRows(title, rows, labelOf, lang) {
        return el('table', {className: 'lsx-present-table'}, [
            el('caption', {}, [title]),
            el('thead', {}, [el('tr', {}, [el('th', {scope: 'col'}, [_('Answer')]),
                el('th', {scope: 'col'}, [_('Share')]), el('th', {scope: 'col'}, [_('Learners')])])]),
            el('tbody', {}, rows.map(function (row) {
                return el('tr', {}, [el('th', {scope: 'row'}, [labelOf(row, lang)]),
                    el('td', {}, [el('span', {className: 'lsx-present-share'}, [percent(row.share)]), bar(row.share)]),
                    el('td', {}, [String(row.count)])]);
            }))]);
    }

    function Present(section, call) {
        var box = section.querySelector('[data-role="present"]'), lang = section.getAttribute('data-content-lang');
        var timer = null, paused = false, step = null, select, pauseButton, status, results, updated = '';

        function schedule(seconds) {
            window.clearTimeout(timer);
            if (!paused && !box.hidden) { timer = window.setTimeout(refresh, (seconds || 5) * 1000); }
        }
        function show(payload) {
            var data = payload.present;
            if (!data) { return; }
            if (!select.options.length) {
                data.steps.forEach(function (s) { select.appendChild(el('option', {value: s.id, lang: lang}, [s.title])); });
            }
            if (data.step) { step = data.step.id; select.value = step; }
            L.clear(results);
            if (!data.step) {
                results.appendChild(el('p', {className: 'lsx-present-big'}, [_('This scenario has no steps.')]));
                return;
            }
            results.appendChild(el('h4', {className: 'lsx-present-title', lang: lang}, [data.step.title]));
            results.appendChild(el('p', {className: 'lsx-present-count'}, [L.format(
                L.ngettext('{n} learner has answered', '{n} learners have answered', data.n), {n: data.n})]));
            if (!data.enough) {
                results.appendChild(el('p', {className: 'lsx-present-big'}, [L.format(
                    _('Results appear once at least {minimum} learners have answered.'), {minimum: data.minimum})]));
            } else {
                results.appendChild(presentRows(_('Choices'), data.choices, choiceLabel, lang));
                results.appendChild(presentRows(_('Decision modes'), data.modes, modeLabel(data.mode_names || {})));
            }
            updated = L.format(_('Updated at {time}.'), {time: new Date(payload.generated_at).toLocaleTimeString()});
            showStatus();
        }
        function showStatus() {  /* also when pausing, so the line never says updates go on */
            status.textContent = updated + ' ' + (paused ? _('Updates are paused.') : _('Updates every few seconds.'));
        }
        function refresh() {
            return call('staff_dashboard', {view: 'present', step: step}).then(function (payload) {
                if (payload) { show(payload); schedule(payload.refresh_seconds); } else { schedule(10); }
            });
        }
        function build() {
            var selectId = section.id + '-present-step';
            select = el('select', {id: selectId, onchange: function () { step = select.value; refresh(); }});
            pauseButton = el('button', {type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
                paused = !paused;
                pauseButton.textContent = paused ? _('Resume updates') : _('Pause updates');
                showStatus();
                if (paused) { window.clearTimeout(timer); } else { refresh(); }
            }}, [_('Pause updates')]);
            var full = box.requestFullscreen ? el('button', {type: 'button', className: 'lsx-button lsx-secondary',
                onclick: function () { box.requestFullscreen().catch(function () { return null; }); }},
                [_('Full screen')]) : null;
            status = el('p', {className: 'lsx-kicker', 'aria-live': 'off'});
            results = el('div', {className: 'lsx-present-results'});
            box.appendChild(el('div', {className: 'lsx-row lsx-present-controls'}, [
                el('label', {'for': selectId}, [_('Step to show')]), select, pauseButton, full]));
            box.appendChild(results);
            box.appendChild(status);
            if (reducedMotion()) { box.classList.add('lsx-reduced-motion'); }
        }
        return {
            toggle: function (button) {
                if (!select) { build(); }
                box.hidden = !box.hidden;
                button.setAttribute('aria-expanded', String(!box.hidden));
                button.textContent = box.hidden ? _('Present results to the group') : _('Stop presenting');
                if (box.hidden) {
                    window.clearTimeout(timer);
                } else {
                    /* The region sits right under its button; bring its top into view, focus its results. */
                    refresh().then(function () {
                        L.focus(results);
                        box.scrollIntoView({block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth'});
                    });
                }
            }
        };
    }

    function mount(section) {
        if (section.getAttribute('data-mounted')) { return; }
        section.setAttribute('data-mounted', 'true');
        section.id = section.id || ('lsx-dash-' + Math.random().toString(36).slice(2));
        var part = L.parts(section);
        var errorBox = part('dash-error'), body = part('dashboard'), figures = part('figures'),
            refreshButton = part('refresh');
        var present;
        /* The shared error summary (focused, read once); the same failure again (present mode retries on
           its own) leaves it as it is, so it is not read again and focus stays put. */
        var raw = L.caller(null, section, {url: section.getAttribute('data-handler-url'),
            buttons: function () { return [refreshButton]; }, onError: function (message) {
                var shown = errorBox.querySelector('p');
                if (!shown || shown.textContent !== message) { L.showError(errorBox, message); }
            }});
        var call = function (handler, data) {  /* a call that works clears the summary */
            return raw(handler, data).then(function (payload) { if (payload) { L.clear(errorBox); } return payload; });
        };
        call.busy = raw.busy;

        function load() {
            figures.setAttribute('aria-busy', 'true');
            return call('staff_dashboard', {}).then(function (payload) {
                figures.removeAttribute('aria-busy');
                if (payload) { renderDashboard(figures, payload, section.getAttribute('data-content-lang')); }
            });
        }
        /* The button is outside what is rebuilt, so focus stays on it. */
        refreshButton.addEventListener('click', function () { if (!call.busy()) { load(); } });
        section.querySelectorAll('[data-action]').forEach(function (button) {
            button.addEventListener('click', function () {
                if (button.getAttribute('data-action') === 'toggle') {
                    body.hidden = !body.hidden;
                    button.setAttribute('aria-expanded', String(!body.hidden));
                    button.textContent = body.hidden ? _('Open the facilitator dashboard') :
                        _('Close the facilitator dashboard');
                    if (!body.hidden) { load().then(function () { L.focus(figures); }); }
                } else {
                    present = present || Present(section, call);
                    present.toggle(button);
                }
            });
        });
    }

    function mountAll(scope) {
        var root = L.rootOf(scope) || document;
        var found = Array.prototype.slice.call(root.querySelectorAll('[data-lsx-dashboard]'));
        if (root.matches && root.matches('[data-lsx-dashboard]')) { found.push(root); }
        found.forEach(mount);
    }

    window.LeadershipDashboard = {mountAll: mountAll};
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { mountAll(document); });
    } else {
        mountAll(document);
    }
}(window, document));
