/* Learner page of the leadership_self_assessment block: rate, submit, see the profile (and the change). */
/* exported LeadershipSelfAssessmentBlock */  // the entry point the XBlock runtime calls (initialize_js)
function LeadershipSelfAssessmentBlock(runtime, element, init) {
    'use strict';
    var L = window.LeadershipXBlocks, C = window.LeadershipXBlocksCharts, _ = L.gettext, el = L.el;
    init = L.initArgs(init);
    var root = L.rootOf(element);
    var part = L.parts(root);
    var form = part('form'), submitButton = part('submit'), statusBox = part('status'),
        errorBox = part('error'), result = part('result');
    /* Each dimension's label in the language the page shows it in (its heading's lang: a default label is
       translated, an authored one keeps the content's); block titles are authored. */
    var langs = {}, titleLang = root.querySelector('.lsx-title').getAttribute('lang');
    Array.prototype.forEach.call(root.querySelectorAll('h4[data-dimension]'), function (h) {
        langs[h.getAttribute('data-dimension')] = h.getAttribute('lang');
    });
    function label(row) { return L.own(row.label, langs[row.dimension]); }
    var call = L.caller(runtime, element, {errorBox: errorBox, buttons: function () { return [submitButton]; },
        onError: function (message) { statusBox.textContent = ''; L.showError(errorBox, message); }});

    function fieldsets() { return Array.prototype.slice.call(form.querySelectorAll('fieldset[data-item]')); }

    function chosen(fieldset) {
        var input = fieldset.querySelector('input[type="radio"]:checked');
        return input ? parseInt(input.value, 10) : null;
    }

    function fill(ratings) {
        fieldsets().forEach(function (fieldset) {
            var value = ratings ? ratings[fieldset.getAttribute('data-item')] : null;
            Array.prototype.forEach.call(fieldset.querySelectorAll('input[type="radio"]'), function (input) {
                input.checked = value !== null && value !== undefined && parseInt(input.value, 10) === value;
            });
            markMissing(fieldset, false);
        });
    }

    /* An unrated statement says so in words inside its group (not only by its border). */
    function markMissing(fieldset, missing) {
        var note = fieldset.querySelector('.lsx-field-error');
        if (note) { fieldset.removeChild(note); }
        fieldset.classList.toggle('lsx-invalid', missing);
        fieldset.removeAttribute('aria-describedby');
        if (missing) {
            fieldset.insertBefore(el('p', {className: 'lsx-field-error', id: fieldset.id + '-error'},
                [_('Choose a rating for this statement.')]), fieldset.querySelector('.lsx-scale'));
            fieldset.setAttribute('aria-describedby', fieldset.id + '-error');
        }
    }

    function scaleText(state) {
        return L.format(_('from {min} to {max}'), {min: state.scale.min, max: state.scale.max});
    }

    function renderProfile(state) {
        var box = el('div', {className: 'lsx-profile'});
        var range = scaleText(state);
        var chart = box.appendChild(C.barChart({
            title: _('Your profile: average rating per dimension'),
            description: L.format(_('Bar chart of your average rating in each dimension, on a scale {range}. ' +
                'The table that follows gives the same figures.'), {range: range}),
            min: state.scale.min, max: state.scale.max,
            rows: state.profile.map(function (row) {
                return {label: row.label, lang: langs[row.dimension], bars: [{value: row.mean, text: C.number(row.mean)}]};
            })
        }));
        box.appendChild(C.linkTo(chart, C.table(
            L.format(_('Your average rating per dimension ({range})'), {range: range}), [_('Dimension'), _('Average rating')],
            state.profile.map(function (row) { return [label(row), C.number(row.mean)]; }))));
        return box;
    }

    function changeText(value) {
        if (value > 0) { return L.format(_('up {value}'), {value: C.number(value)}); }
        if (value < 0) { return L.format(_('down {value}'), {value: C.number(-value)}); }
        return _('no change');
    }

    function renderChange(state) {
        var comparison = state.comparison;
        var box = el('div', {className: 'lsx-change'});
        if (!comparison) { return null; }
        if (comparison.role === 'baseline') {
            box.appendChild(el('p', {}, [_('This is your first rating. A later self-assessment in this ' +
                'course will show how your ratings have changed since.')]));
            return box;
        }
        box.appendChild(el('h5', {}, [_('How your ratings have changed')]));
        box.appendChild(el('p', {}, L.fill(_('Compared with your first rating, in "{title}".'),
            {title: L.own(comparison.baseline_title, titleLang)})));
        if (!comparison.rows.length) {
            box.appendChild(el('p', {}, [_('The two self-assessments have no dimensions in common.')]));
            return box;
        }
        var chart = box.appendChild(C.barChart({
            title: _('Your first and latest average rating per dimension'),
            description: L.format(_('Two bars per dimension: "First" (dashed outline) and "Now" (solid), ' +
                'on a scale {range}. The table that follows gives the same figures.'), {range: scaleText(state)}),
            min: state.scale.min, max: state.scale.max,
            rows: comparison.rows.map(function (row) {
                return {label: row.label, lang: langs[row.dimension], bars: [
                    {name: _('First'), value: row.before, text: C.number(row.before), variant: 'outline'},
                    {name: _('Now'), value: row.after, text: C.number(row.after)}
                ]};
            })
        }));
        box.appendChild(C.linkTo(chart, C.table(_('Change since your first rating'),
            [_('Dimension'), _('First'), _('Now'), _('Change')],
            comparison.rows.map(function (row) {
                return [label(row), C.number(row.before), C.number(row.after), changeText(row.change)];
            }))));
        return box;
    }

    function render(state, news) {
        news = news || {};
        fill(state.ratings);
        if (!state.submitted) {
            form.hidden = false;
            result.hidden = true;
            return;
        }
        form.hidden = true;
        var heading = el('h4', {}, [_('Your leadership profile')]);
        L.clear(result).appendChild(heading);
        result.appendChild(renderProfile(state));
        var change = renderChange(state);
        if (change) { result.appendChild(change); }
        result.appendChild(el('div', {className: 'lsx-actions'}, [el('button', {
            type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
                form.hidden = false;
                statusBox.textContent = '';
                L.focus(form.querySelector('fieldset legend') || form);
            }
        }, [_('Change my ratings')])]));
        result.hidden = false;
        if (news.submitted) {
            statusBox.textContent = _('Your ratings have been saved.');
            L.focus(heading);
        }
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (call.busy()) { return; }
        var ratings = {}, missing = [];
        L.clear(errorBox);
        fieldsets().forEach(function (fieldset) {
            var value = chosen(fieldset);
            markMissing(fieldset, value === null);
            if (value === null) { missing.push(fieldset); } else { ratings[fieldset.getAttribute('data-item')] = value; }
        });
        if (missing.length) {
            /* The summary names every unrated statement and links to its first rating. */
            L.showError(errorBox, L.format(L.ngettext('{count} statement still needs a rating:',
                '{count} statements still need a rating:', missing.length), {count: missing.length}),
                missing.map(function (fieldset) {
                    var legend = fieldset.querySelector('legend');
                    return {text: L.own(legend.textContent.trim(), legend.getAttribute('lang')), target: fieldset,
                            focus: fieldset.querySelector('input[type="radio"]')};
                }));
            return;
        }
        statusBox.textContent = _('Saving your ratings...');
        call('submit', {ratings: ratings}).then(function (state) {
            if (state) { render(state, {submitted: true}); }
        });
    });

    render(init.state);
}
