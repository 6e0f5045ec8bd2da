/* Learner page of the leadership_scenario block: renders the state the server sends, nothing more. */
/* exported LeadershipScenarioBlock */  // the entry point the XBlock runtime calls (initialize_js)
function LeadershipScenarioBlock(runtime, element) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, el = L.el;
    var root = L.rootOf(element);
    var part = function (name) { return root.querySelector('[data-role="' + name + '"]'); };
    var stage = part('stage'), feedback = part('feedback'), errorBox = part('error'),
        actions = part('actions'), progress = part('progress'),
        historyBox = part('history-box'), historyList = part('history');
    var timer = null, busy = false;

    var MODE_NAMES = {
        urgent: _('Urgent: decide now'), consultative: _('Consultative: consult, then decide'),
        consensual: _('Consensual: build agreement'), delegated: _('Delegated: hand the decision on')
    };
    var MODE_MET = {
        urgent: _('Situations that called for urgency, met decisively: {met} of {total}'),
        consultative: _('Situations that called for consultation, met by consulting: {met} of {total}'),
        consensual: _('Situations that called for consensus, met by building agreement: {met} of {total}'),
        delegated: _('Situations that called for delegation, met by delegating: {met} of {total}')
    };

    function percent(score) { return Math.round(score * 100) + '%'; }

    function call(handler, data) {
        if (busy) { return Promise.resolve(null); }
        busy = true;
        L.clear(errorBox);
        root.setAttribute('aria-busy', 'true');
        return L.post(runtime.handlerUrl(element, handler), data).then(function (state) {
            busy = false;
            root.removeAttribute('aria-busy');
            return state;
        }, function (error) {
            busy = false;
            root.removeAttribute('aria-busy');
            errorBox.appendChild(el('p', {}, [error.message]));
            L.focus(errorBox);
            return null;
        });
    }

    function stopTimer() {
        if (timer) { window.clearInterval(timer.interval); timer = null; }
    }

    function renderTimer(step) {
        var box = el('div', {className: 'lsx-timer'});
        var remaining = step.time_limit;
        var clock = el('p', {className: 'lsx-clock', role: 'timer', 'aria-live': 'off'});
        var status = el('p', {className: 'lsx-sr-only', role: 'status'});
        var intro = el('p', {}, [L.format(_('This decision has a time limit of {seconds} seconds. ' +
            'You can start the timer, pause it, or switch it off.'), {seconds: step.time_limit})]);
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
        toggle.onclick = function () { intro.hidden = true; show(); start(); };
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

    function renderStep(step) {
        var questionId = root.id + '-q-' + step.id;
        var heading = el('h4', {className: 'lsx-step-title'}, [step.title]);
        var choices = el('ul', {className: 'lsx-choices', role: 'list'});
        step.choices.forEach(function (choice) {
            choices.appendChild(el('li', {}, [el('button', {
                type: 'button', className: 'lsx-choice', 'data-choice': choice.id,
                onclick: function () {
                    stopTimer();
                    call('choose', {step: step.id, choice: choice.id}).then(function (state) {
                        if (state) { render(state, {feedback: state.feedback, label: choice.label}); }
                    });
                }
            }, [choice.label])]));
        });
        L.clear(stage).appendChild(heading);
        stage.appendChild(el('div', {className: 'lsx-situation', html: step.html}));
        if (step.time_limit) { stage.appendChild(renderTimer(step)); }
        stage.appendChild(el('p', {className: 'lsx-question', id: questionId}, [_('What do you do?')]));
        choices.setAttribute('aria-labelledby', questionId);
        stage.appendChild(choices);
        return heading;
    }

    function renderEnding(state) {
        var ending = state.ending;
        var heading = el('h4', {className: 'lsx-step-title'}, [ending.title]);
        L.clear(stage).appendChild(el('p', {className: 'lsx-kicker'}, [_('Where your decisions led')]));
        stage.appendChild(heading);
        stage.appendChild(el('div', {className: 'lsx-situation', html: ending.html}));
        if (state.score !== null && state.score !== undefined) {
            stage.appendChild(el('p', {className: 'lsx-score'}, [L.format(
                _('Score for this attempt: {score}. Your best: {best}.'),
                {score: percent(state.score), best: percent(state.best_score)})]));
        }
        if (ending.modes.length) {
            stage.appendChild(el('h5', {}, [_('How you matched your decisions to the situation')]));
            stage.appendChild(el('ul', {className: 'lsx-modes'}, ending.modes.map(function (row) {
                return el('li', {}, [L.format(MODE_MET[row.demand], row)]);
            })));
        }
        if (ending.review) { stage.appendChild(renderReview(ending.review)); }
        if (ending.competencies.length) {
            var rows = ending.competencies.map(function (c) {
                return el('tr', {}, [el('th', {scope: 'row'}, [c.label]), el('td', {}, [String(c.value)])]);
            });
            stage.appendChild(el('table', {className: 'lsx-table'}, [
                el('caption', {}, [_('Your competency profile')]),
                el('thead', {}, [el('tr', {}, [el('th', {scope: 'col'}, [_('Competency')]),
                                               el('th', {scope: 'col'}, [_('Change')])])]),
                el('tbody', {}, rows)]));
        }
        if (ending.debrief) {
            stage.appendChild(el('h5', {}, [_('Debrief')]));
            stage.appendChild(el('div', {className: 'lsx-debrief', html: ending.debrief}));
        }
        return heading;
    }

    /* The route review: only sent when the scenario's `review` setting allows it. */
    function renderReview(rows) {
        function modes(list) {
            return list.length ? list.map(function (m) { return MODE_NAMES[m] || m; }).join('; ') : _('Nothing in particular');
        }
        function effects(list) {
            return list.map(function (e) { return e.label + ' ' + (e.value > 0 ? '+' : '') + e.value; }).join(', ');
        }
        return el('table', {className: 'lsx-table lsx-review'}, [
            el('caption', {}, [_('Your route, step by step: where credit was won and lost')]),
            el('thead', {}, [el('tr', {}, [_('Step'), _('What the moment demanded'), _('Your decision'),
                _('Did it fit?'), _('Points'), _('Effects')].map(function (h) {
                    return el('th', {scope: 'col'}, [h]);
                }))]),
            el('tbody', {}, rows.map(function (row) {
                var fitted = row.fitted === null ? _('Not judged') : row.fitted ? _('Yes') : _('No');
                return el('tr', {}, [el('th', {scope: 'row'}, [row.step_title]), el('td', {}, [modes(row.demanded)]),
                    el('td', {}, [row.timed_out ? _('Time ran out') : row.choice_label + ' (' + MODE_NAMES[row.mode] + ')']),
                    el('td', {}, [fitted]), el('td', {}, [String(Math.round(row.points * 100) / 100)]),
                    el('td', {}, [effects(row.effects) || '-'])]);
            }))]);
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
        stage.appendChild(el('div', {className: 'lsx-content-note', html: state.content_note}));
        stage.appendChild(el('div', {className: 'lsx-row'}, [go]));
        L.clear(actions);
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
        if (state.can_restart) {
            actions.appendChild(el('button', {type: 'button', className: 'lsx-button',
                onclick: function () {
                    stopTimer();
                    call('restart', {}).then(function (s) { if (s) { render(s, {restarted: true}); } });
                }}, [_('Start a new attempt')]));
        } else if (state.ending && state.attempts_left === 0) {
            actions.appendChild(el('p', {}, [_('You have used all your attempts.')]));
        }
    }

    /* Cohort results: shares as text in tables, never colour alone, never names. */
    var cohortBox = el('div', {className: 'lsx-cohort', 'data-role': 'cohort'});
    feedback.parentNode.insertBefore(cohortBox, feedback.nextSibling);

    function shareTable(caption, headers, rows) {
        return el('table', {className: 'lsx-table lsx-cohort-table'}, [
            el('caption', {}, [caption]),
            el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', {scope: 'col'}, [h]); }))]),
            el('tbody', {}, rows.map(function (row) {
                return el('tr', {className: row.yours ? 'lsx-yours' : null}, [
                    el('th', {scope: 'row'}, [row.label + (row.yours ? ' ' + _('(yours)') : '')]),
                    el('td', {}, [percent(row.share)]), el('td', {}, [String(row.count)])]);
            }))]);
    }

    function renderCohort(state) {
        var cohort = state.cohort, part, heading;
        L.clear(cohortBox);
        if (!cohort) { return; }
        if (cohort.step) {
            part = cohort.step;
            heading = el('h4', {}, [_('How other learners answered')]);
            cohortBox.appendChild(heading);
            cohortBox.appendChild(el('p', {}, [L.format(L.ngettext(
                '{title}: {n} learner has answered this step, including you.',
                '{title}: {n} learners have answered this step, including you.', part.n),
                {title: part.title, n: part.n})]));
            cohortBox.appendChild(shareTable(_('Choices made at this step'),
                [_('Choice'), _('Share'), _('Learners')], part.choices.map(function (row) {
                    return {label: row.timed_out ? _('Time ran out') : row.label, share: row.share,
                            count: row.count, yours: row.yours};
                })));
            cohortBox.appendChild(shareTable(_('Decision modes at this step'),
                [_('Mode'), _('Share'), _('Learners')], part.modes.map(function (row) {
                    return {label: row.timed_out ? _('Time ran out') : MODE_NAMES[row.mode] || row.mode,
                            share: row.share, count: row.count, yours: row.yours};
                })));
        }
        if (cohort.ending && state.ending) {
            part = cohort.ending;
            stage.appendChild(el('h5', {}, [_('Your ending beside the cohort')]));
            stage.appendChild(el('p', {}, [L.format(L.ngettext(
                '{n} learner has reached an ending, including you.',
                '{n} learners have reached an ending, including you.', part.n), {n: part.n})]));
            stage.appendChild(shareTable(_('Endings reached by learners'), [_('Ending'), _('Share'), _('Learners')],
                part.endings.map(function (row) {
                    return {label: row.title, share: row.share, count: row.count, yours: row.yours};
                })));
            if (part.competencies.length) {
                stage.appendChild(el('table', {className: 'lsx-table lsx-cohort-table'}, [
                    el('caption', {}, [_('Your competency profile beside the cohort mean')]),
                    el('thead', {}, [el('tr', {}, [el('th', {scope: 'col'}, [_('Competency')]),
                        el('th', {scope: 'col'}, [_('You')]), el('th', {scope: 'col'}, [_('Cohort mean')])])]),
                    el('tbody', {}, part.competencies.map(function (c) {
                        return el('tr', {}, [el('th', {scope: 'row'}, [c.label]), el('td', {}, [String(c.yours)]),
                            el('td', {}, [c.mean === null || c.mean === undefined ? '-' :
                                String(Math.round(c.mean * 10) / 10)])]);
                    }))]));
            }
        }
    }

    function renderHistory(state) {
        L.clear(historyList);
        historyBox.hidden = state.history.length === 0;
        state.history.forEach(function (row) {
            var text = row.timed_out ? _('Time ran out') : row.choice_label + ' (' + MODE_NAMES[row.mode] + ')';
            historyList.appendChild(el('li', {}, [el('strong', {}, [row.step_title + ': ']), text]));
        });
    }

    function renderFeedback(news) {
        L.clear(feedback);
        if (news.feedback !== undefined) {
            var title = el('h4', {}, [_('Feedback on your decision')]);
            feedback.appendChild(el('div', {className: 'lsx-feedback-box'}, [
                title, el('p', {className: 'lsx-chosen'}, [L.format(_('You chose: {label}'), {label: news.label})]),
                el('div', {html: news.feedback || ''})]));
            return title;
        }
        var message = news.timedOut ? _('Time ran out before you decided.') :
            news.undone ? _('Your last decision was undone.') :
            news.restarted ? _('A new attempt has started.') : '';
        if (message) { feedback.appendChild(el('p', {className: 'lsx-feedback-box'}, [message])); }
        return null;
    }

    function renderProgress(state) {
        progress.textContent = state.max_attempts ?
            L.format(_('Attempt {attempt} of {max}'), {attempt: state.attempt, max: state.max_attempts}) :
            L.format(_('Attempt {attempt}'), {attempt: state.attempt});
    }

    function render(state, news) {
        news = news || {};
        renderProgress(state);
        var feedbackTitle = renderFeedback(news);
        var heading = state.ending ? renderEnding(state) : renderStep(state.step);
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
