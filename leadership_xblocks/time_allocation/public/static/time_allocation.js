/* Learner page of the leadership_time_allocation block: shares that total 100, a leadership model,
   a research-consent choice; then the learner's allocation beside the cohort mean. */
/* exported LeadershipTimeAllocationBlock */  // the entry point the XBlock runtime calls (initialize_js)
function LeadershipTimeAllocationBlock(runtime, element, init) {
    'use strict';
    var L = window.LeadershipXBlocks, C = window.LeadershipXBlocksCharts, _ = L.gettext, el = L.el;
    init = L.initArgs(init);
    var root = L.rootOf(element);
    var part = L.parts(root);
    var form = part('form'), totalBox = part('total'), ownBox = part('own-box'), ownText = part('own-text'),
        submitButton = part('submit'), statusBox = part('status'), errorBox = part('error'), result = part('result');
    var inputs = Array.prototype.slice.call(form.querySelectorAll('input[data-function]'));
    var modelRadios = Array.prototype.slice.call(form.querySelectorAll('input[name$="-model"]'));
    var consentRadios = Array.prototype.slice.call(form.querySelectorAll('input[name$="-consent"]'));
    var total = init.state.total, current = init.state;
    /* Each function's label in the language its form label shows it in (a default one is translated). */
    var langs = {};
    inputs.forEach(function (input) { langs[input.getAttribute('data-function')] = labelOf(input).lang; });
    var call = L.caller(runtime, element, {errorBox: errorBox, buttons: function () {
        return [submitButton].concat(Array.prototype.slice.call(result.querySelectorAll('button')));
    }, onError: function (message) { statusBox.textContent = ''; L.showError(errorBox, message); }});

    function parse(value) {
        var number = parseFloat(String(value).replace(',', '.'));
        return isNaN(number) ? null : number;
    }

    function sum() {
        return inputs.reduce(function (acc, input) { return acc + (parse(input.value) || 0); }, 0);
    }

    function showTotal() {
        var value = Math.round(sum() * 100) / 100;
        var text = L.format(_('Total: {sum} of {total}'), {sum: C.number(value), total: total});
        if (Math.abs(value - total) > 0.01) {
            text += ' ' + (value < total ?
                L.format(_('({left} still to allocate)'), {left: C.number(total - value)}) :
                L.format(_('({over} too many)'), {over: C.number(value - total)}));
        }
        totalBox.textContent = text;
    }

    function checked(radios) {
        var found = radios.filter(function (radio) { return radio.checked; })[0];
        return found ? found.value : null;
    }

    function showOwn() {
        var own = checked(modelRadios) === 'own';
        ownBox.hidden = !own;
    }

    /* The error summary names the field to fix and links to it (focus goes to the summary). */
    function showError(message, target, label) {
        L.showError(errorBox, message, target ? [{text: label || message, target: target}] : []);
    }

    function labelOf(input) {
        var label = form.querySelector('label[for="' + input.id + '"]');
        return label ? L.own(label.textContent.trim(), label.getAttribute('lang')) : input.id;
    }

    function legendOf(radio) {
        var legend = radio.closest('fieldset').querySelector('legend');
        return legend ? legend.textContent.trim() : '';
    }

    function fill(state) {
        inputs.forEach(function (input) {
            var value = state.allocations ? state.allocations[input.getAttribute('data-function')] : 0;
            input.value = value === undefined || value === null ? 0 : value;
        });
        modelRadios.forEach(function (radio) { radio.checked = radio.value === state.model; });
        ownText.value = state.model_text || '';
        if (state.submitted || state.consent.at) {
            consentRadios.forEach(function (radio) {
                radio.checked = radio.value === (state.consent.given ? 'yes' : 'no');
            });
        }
        showOwn();
        showTotal();
    }

    function modelLabel(state) {
        if (state.model === 'own') { return state.model_text; }
        var found = state.models.filter(function (m) { return m.id === state.model; })[0];
        return found ? found.label : state.model;
    }

    function renderComparison(state) {
        var box = el('div', {className: 'lsx-allocation-result'});
        var cohort = state.cohort;
        var rows = state.functions.map(function (f) {
            var bars = [{name: _('You'), value: state.allocations[f.id], text: C.number(state.allocations[f.id], 1) + '%'}];
            if (cohort.available) {
                bars.push({name: _('Others'), value: cohort.means[f.id], text: C.number(cohort.means[f.id], 1) + '%',
                           variant: 'outline'});
            }
            return {label: f.label, lang: langs[f.id], bars: bars};
        });
        var chart = box.appendChild(C.barChart({
            title: cohort.available ? _('Your time beside the mean of other learners') : _('How you divide your time'),
            description: cohort.available ?
                _('Two bars per function: "You" (solid) and "Others", the mean of the other learners (dashed ' +
                  'outline), in per cent of working time. The table that follows gives the same figures.') :
                _('One bar per function, in per cent of your working time. The table that follows gives the same figures.'),
            min: 0, max: Math.max.apply(null, rows.map(function (row) {
                return Math.max.apply(null, row.bars.map(function (b) { return b.value; }));
            }).concat([10])),
            rows: rows
        }));
        var headings = [_('Function'), _('You (%)')];
        if (cohort.available) { headings.push(_('Others, mean (%)')); }
        box.appendChild(C.linkTo(chart, C.table(_('Share of working time by function'), headings,
            state.functions.map(function (f) {
                var cells = [L.own(f.label, langs[f.id]), C.number(state.allocations[f.id], 1)];
                if (cohort.available) { cells.push(C.number(cohort.means[f.id], 1)); }
                return cells;
            }))));
        box.appendChild(el('p', {}, [cohort.available ?
            L.format(L.ngettext('The mean is of {count} other learner who agreed to research use.',
                'The mean is of {count} other learners who agreed to research use.', cohort.count), {count: cohort.count}) :
            L.format(_('The mean of other learners appears here once at least {minimum} of them have answered ' +
                'and agreed to research use.'), {minimum: cohort.minimum})]));
        return box;
    }

    function renderConsent(state) {
        var given = state.consent.given;
        var box = el('div', {className: 'lsx-consent'});
        box.appendChild(el('h5', {}, [_('Research use of your answer')]));
        box.appendChild(el('p', {}, [given ?
            _('You have agreed that your anonymised answer may be used for research.') :
            _('Your answer is used only for your own view.')]));
        box.appendChild(el('button', {type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
            if (call.busy()) { return; }
            statusBox.textContent = _('Saving your choice...');
            call('set_consent', {consent: !given}).then(function (next) {
                if (!next) { return; }
                render(next);
                L.focus(result.querySelector('.lsx-consent button'));  /* the pressed button was rebuilt */
                statusBox.textContent = next.consent.given ? _('Thank you: your answer may now be used for research.') :
                    _('Consent withdrawn: your answer is no longer used for research.');
            });
        }}, [given ? _('Withdraw my consent') : _('Agree to research use')]));
        return box;
    }

    function render(state, news) {
        news = news || {};
        current = state;
        fill(state);
        if (!state.submitted) {
            form.hidden = false;
            result.hidden = true;
            return;
        }
        form.hidden = true;
        var heading = el('h4', {}, [_('Your answer')]);
        L.clear(result).appendChild(heading);
        result.appendChild(el('p', {}, [L.format(_('The leadership model you espouse: {model}'),
            {model: modelLabel(state)})]));
        result.appendChild(renderComparison(state));
        result.appendChild(renderConsent(state));
        result.appendChild(el('div', {className: 'lsx-actions'}, [el('button', {
            type: 'button', className: 'lsx-button lsx-secondary', onclick: function () {
                form.hidden = false;
                statusBox.textContent = '';
                L.focus(inputs[0]);  /* a field: focus() leaves its Tab order alone */
            }}, [_('Change my answer')])]));
        result.hidden = false;
        if (news.submitted) {
            statusBox.textContent = _('Your answer has been saved.');
            L.focus(heading);
        }
    }

    inputs.forEach(function (input) { input.addEventListener('input', showTotal); });
    modelRadios.forEach(function (radio) { radio.addEventListener('change', showOwn); });

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (call.busy()) { return; }
        var allocations = {}, bad = null;
        inputs.forEach(function (input) {
            var value = parse(input.value === '' ? '0' : input.value);
            if ((value === null || value < 0 || value > total) && !bad) { bad = input; }
            allocations[input.getAttribute('data-function')] = value;
        });
        if (bad) {
            showError(L.format(_('Enter a number from 0 to {total} for each function.'), {total: total}), bad,
                labelOf(bad));
            return;
        }
        if (Math.abs(sum() - total) > 0.01) {
            showError(L.format(_('Your shares add up to {sum}: they must add up to {total}.'),
                {sum: C.number(sum()), total: total}), inputs[0], labelOf(inputs[0]));
            return;
        }
        var model = checked(modelRadios);
        if (model === 'own') { model = ownText.value.trim(); }
        if (!model) {
            showError(_('Choose the model of leadership you espouse, or describe it in your own words.'),
                modelRadios[0], legendOf(modelRadios[0]));
            return;
        }
        var consent = checked(consentRadios);
        if (!consent) {
            showError(_('Choose whether your answer may be used for research.'), consentRadios[0],
                legendOf(consentRadios[0]));
            return;
        }
        statusBox.textContent = _('Saving your answer...');
        call('submit', {allocations: allocations, model: model, consent: consent === 'yes'}).then(function (state) {
            if (state) { render(state, {submitted: true}); }
        });
    });

    render(current);
}
