/* Learner page of the leadership_scenario block: renders the state the server sends, nothing more. */
/* exported LeadershipScenarioBlock */  // the entry point the XBlock runtime calls (initialize_js)
function LeadershipScenarioBlock(runtime, element) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, el = L.el;
    var root = L.rootOf(element);
    var part = L.parts(root), lang = root.querySelector('[data-content-lang]').getAttribute('data-content-lang');
    var stage = part('stage'), feedback = part('feedback'),
        actions = part('actions'), progress = part('progress'),
        historyBox = part('history-box'), historyList = part('history');
    var timer = null, call = L.caller(runtime, element, {errorBox: part('error')});

    var R = window.LeadershipScenarioResults, modes = {};
    var status = part('status'), restartBox = part('restart');

    /* News that does not move focus is said once, through the status region. */
    function announce(text) { status.textContent = text; }

    function stopTimer() {
        if (timer) { window.clearInterval(timer.interval); timer = null; }
    }

    function renderTimer(step) {
        var box = el('div', {className: 'lsx-timer'});
        var remaining = step.time_limit;
        var clock = el('p', {className: 'lsx-clock', role: 'timer', 'aria-live': 'off'});
        var status = el('p', {className: 'lsx-sr-only', role: 'status'});
        var intro = el('div', {}, [el('p', {}, [L.format(_('This decision has a time limit of {seconds} seconds. ' +
            'The clock only runs once you start it: if you do not start it, there is no limit.'),
            {seconds: step.time_limit})]), el('p', {}, [_('If the time runs out before you choose, the story ' +
            'moves on without your decision and it counts as a missed decision. You can pause the timer or ' +
            'switch it off at any time.')])]);
        var toggle, off;

        function show() {
            var m = Math.floor(remaining / 60), s = remaining % 60;
            clock.textContent = L.format(_('Time left: {time}'), {time: m + ':' + (s < 10 ? '0' : '') + s});
        }
        function tick() {
            remaining -= 1;
            show();
            if (remaining === 30 || remaining === 10) {
                status.textContent = L.format(_('{seconds} seconds left'), {seconds: remaining});
            }
            if (remaining <= 0) {
                stopTimer();
                call('timeout', {step: step.id}).then(function (state) {
                    if (state) { render(state, {timedOut: true}); }
                });
            }
        }
        function start() {
            timer = {interval: window.setInterval(tick, 1000)};
            toggle.textContent = _('Pause the timer');
            toggle.onclick = pause;
        }
        function pause() {
            stopTimer();
            toggle.textContent = _('Resume the timer');
            toggle.onclick = start;
            status.textContent = _('Timer paused');
        }
        toggle = el('button', {type: 'button', className: 'lsx-button lsx-secondary'}, [_('Start the timer')]);
        toggle.onclick = function () {
            intro.hidden = true; show(); start();
            status.textContent = L.format(_('Timer started: {seconds} seconds left.'), {seconds: remaining});
        };
        off = el('button', {type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
            stopTimer();
            var message = el('p', {}, [_('The timer is off. Take the time you need.')]);
            L.clear(box).appendChild(message);
            L.focus(message);  /* the focused button is gone: keep keyboard users where they were */
        }}, [_('Switch the timer off')]);
        box.appendChild(intro);
        box.appendChild(clock);
        box.appendChild(status);
        box.appendChild(el('div', {className: 'lsx-row'}, [toggle, off]));
        return box;
    }

    /* "Decision 3 of 5", or "of 4 to 6" when routes from here differ in length. */
    function decisionText(p) {
        if (!p) { return ''; }
        return p.fewest === p.most ? L.format(_('Decision {n} of {total}'), {n: p.number, total: p.most}) :
            L.format(_('Decision {n} of {fewest} to {most}'), {n: p.number, fewest: p.fewest, most: p.most});
    }

    function renderStep(step, progressOf) {
        var questionId = root.id + '-q-' + step.id;
        var heading = el('h4', {className: 'lsx-step-title', lang: lang}, [step.title]);
        var choices = el('ul', {className: 'lsx-choices', role: 'list'});
        step.choices.forEach(function (choice) {
            choices.appendChild(el('li', {}, [el('button', {
                type: 'button', className: 'lsx-choice', 'data-choice': choice.id, lang: lang,
                onclick: function () {
                    stopTimer();
                    call('choose', {step: step.id, choice: choice.id}).then(function (state) {
                        if (state) { render(state, {feedback: state.feedback, label: choice.label}); }
                    });
                }
            }, [choice.label])]));
        });
        L.clear(stage);
        if (progressOf) { stage.appendChild(el('p', {className: 'lsx-kicker'}, [progressOf])); }
        stage.appendChild(heading);
        stage.appendChild(el('div', {className: 'lsx-situation', lang: lang, html: step.html}));
        if (step.time_limit) { stage.appendChild(renderTimer(step)); }
        stage.appendChild(el('p', {className: 'lsx-question', id: questionId}, [_('What do you do?')]));
        choices.setAttribute('aria-labelledby', questionId);
        stage.appendChild(choices);
        return heading;
    }

    function renderEnding(state) {
        var ending = state.ending;
        var heading = el('h4', {className: 'lsx-step-title', lang: lang}, [ending.title]);
        L.clear(stage).appendChild(el('p', {className: 'lsx-kicker'}, [_('Where your decisions led')]));
        stage.appendChild(heading);
        stage.appendChild(el('div', {className: 'lsx-situation', lang: lang, html: ending.html}));
        if (state.score !== null && state.score !== undefined) {
            stage.appendChild(el('p', {className: 'lsx-score'}, [L.format(
                _('Score for this attempt: {score}. Your best: {best}.'),
                {score: R.percent(state.score), best: R.percent(state.best_score)})]));
        }
        if (ending.modes.length) {
            stage.appendChild(el('h5', {}, [_('How you matched your decisions to the situation')]));
            stage.appendChild(el('ul', {className: 'lsx-modes'}, ending.modes.map(function (row) {
                return el('li', {}, [L.format((modes[row.demand] || {}).met || row.demand, row)]);
            })));
        }
        if (state.history.length) { stage.appendChild(R.routeMap(state, lang)); }
        if (ending.competencies.length) {
            stage.appendChild(el('h5', {}, [_('How your competencies changed')]));
            stage.appendChild(R.competencies(ending.competencies, lang));
        }
        if (ending.debrief) {
            stage.appendChild(el('h5', {}, [_('Debrief')]));
            stage.appendChild(el('div', {className: 'lsx-debrief', lang: lang, html: ending.debrief}));
        }
        return heading;
    }

    /* A content note comes before the first step, with a clear way on. */
    function renderContentNote(state) {
        var heading = el('h4', {className: 'lsx-step-title', tabindex: '-1'}, [_('Before you begin: a content note')]);
        var go = el('button', {type: 'button', className: 'lsx-button', 'data-role': 'continue', onclick: function () {
            render(state);
            L.focus(stage.querySelector('.lsx-step-title'));
        }}, [_('Continue to the scenario')]);
        renderProgress(state);
        L.clear(stage).appendChild(heading);
        stage.appendChild(el('div', {className: 'lsx-warning'}, [
            el('span', {className: 'lsx-warning-icon', 'aria-hidden': 'true'}, ['!']),
            el('div', {className: 'lsx-content-note', lang: lang, html: state.content_note})]));
        stage.appendChild(el('div', {className: 'lsx-row'}, [go]));
        L.clear(actions);
        L.clear(restartBox);
        return go;
    }

    function renderActions(state) {
        L.clear(actions);
        if (state.can_go_back) {
            actions.appendChild(el('button', {type: 'button', className: 'lsx-button lsx-secondary',
                onclick: function () {
                    stopTimer();
                    call('back', {}).then(function (s) { if (s) { render(s, {undone: true}); } });
                }}, [_('Undo my last decision')]));
        }
        L.clear(restartBox);
        if (state.can_restart) {
            restartBox.appendChild(restartButton(state));
        } else if (state.ending && state.attempts_left === 0) {
            restartBox.appendChild(el('p', {}, [_('You have used all your attempts.')]));
        }
    }

    function restart() {
        stopTimer();
        call('restart', {}).then(function (s) { if (s) { render(s, {restarted: true}); } });
    }

    /* Mid-attempt, a new attempt clears the decisions made so far: ask first. */
    function restartButton(state) {
        return el('button', {type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
            return state.ending ? restart() : confirmRestart();
        }}, [_('Start a new attempt')]);
    }

    function confirmRestart() {
        var question = el('p', {className: 'lsx-confirm-question'}, [_('Start a new attempt? The decisions you ' +
            'have made in this attempt will be cleared. Your best score is kept.')]);
        var keep = el('button', {type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
            L.clear(restartBox).appendChild(restartButton({}));
            L.focus(restartBox.querySelector('button'));
        }}, [_('No, keep this attempt')]);
        L.clear(restartBox).appendChild(el('div', {className: 'lsx-confirm', role: 'group',
                                                   'aria-label': _('Start a new attempt')}, [question,
            el('div', {className: 'lsx-row'}, [el('button', {type: 'button', className: 'lsx-button lsx-warning-button',
                onclick: restart}, [_('Yes, start a new attempt')]), keep])]));
        L.focus(question);
    }

    /* Cohort results: shares as text in tables, never colour alone, never names. */
    var cohortBox = el('div', {className: 'lsx-cohort', 'data-role': 'cohort'});
    feedback.parentNode.insertBefore(cohortBox, feedback.nextSibling);

    function renderCohort(state) {
        var cohort = state.cohort;
        L.clear(cohortBox);
        if (!cohort) { return; }
        if (cohort.step) { R.cohortStep(cohortBox, cohort.step, modes, lang); }
        if (cohort.ending && state.ending) { R.cohortEnding(stage, cohort.ending, lang); }
    }

    function renderHistory(state) {
        L.clear(historyList);
        /* At an ending the route map tells the whole route: the running history would repeat it. */
        historyBox.hidden = state.history.length === 0 || !!state.ending;
        state.history.forEach(function (row) {
            historyList.appendChild(el('li', {}, [el('strong', {lang: lang}, [row.step_title]), ': '].concat(row.timed_out ?
                [_('Time ran out')] : [L.own(row.choice_label, lang), ' (' + R.modeName(modes, row.mode) + ')'])));
        });
    }

    function renderFeedback(news) {
        L.clear(feedback);
        if (news.feedback !== undefined) {
            var title = el('h4', {}, [_('Feedback on your decision')]);
            feedback.appendChild(el('div', {className: 'lsx-feedback-box'}, [
                title, el('p', {className: 'lsx-chosen'}, L.fill(_('You chose: {label}'), {label: L.own(news.label, lang)})),
                el('div', {lang: lang, html: news.feedback || ''})]));
            return title;
        }
        var message = news.timedOut ? _('Time ran out before you decided.') :
            news.undone ? _('Your last decision was undone.') :
            news.restarted ? _('A new attempt has started.') : '';
        if (message) { feedback.appendChild(el('p', {className: 'lsx-feedback-box'}, [message])); }
        announce(message);
        return null;
    }

    function renderProgress(state) {
        progress.textContent = state.max_attempts ?
            L.format(_('Attempt {attempt} of {max}'), {attempt: state.attempt, max: state.max_attempts}) :
            L.format(_('Attempt {attempt}'), {attempt: state.attempt});
    }

    function render(state, news) {
        news = news || {};
        modes = state.modes || modes;
        renderProgress(state);
        var feedbackTitle = renderFeedback(news);
        var heading = state.ending ? renderEnding(state) : renderStep(state.step, decisionText(state.progress));
        renderActions(state);
        renderHistory(state);
        renderCohort(state);
        if (news.feedback !== undefined || news.timedOut || news.undone || news.restarted) {
            L.focus(feedbackTitle || heading);
        }
    }

    root.id = root.id || ('lsx-' + Math.random().toString(36).slice(2));
    call('student_view_user_state', {}).then(function (state) {
        if (!state) { return; }
        if (state.content_note && state.step && !state.history.length && state.attempt === 1) {
            renderContentNote(state);
        } else {
            render(state);
        }
    });
    if (window.LeadershipDashboard) { window.LeadershipDashboard.mountAll(root); }
}
