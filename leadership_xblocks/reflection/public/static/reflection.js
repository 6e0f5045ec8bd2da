/* Learner page of the leadership_reflection block: a draft, a final submit, then the guidance. */
/* exported LeadershipReflectionBlock */  // the entry point the XBlock runtime calls (initialize_js)
function LeadershipReflectionBlock(runtime, element, init) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, el = L.el;
    init = L.initArgs(init);
    var root = L.rootOf(element);
    var part = L.parts(root);
    var editor = part('editor'), textarea = part('text'), count = part('count'),
        saveButton = part('save'), submitButton = part('submit'), statusBox = part('status'),
        errorBox = part('error'), result = part('result'), record = part('record');
    /* Exercise titles and modules are authored; the guidance may be the default (translated). */
    var titleLang = root.querySelector('.lsx-title').getAttribute('lang');
    var limits = {min: init.state.min_words, max: init.state.max_words};
    /* The buttons stay focusable while a request runs (aria-disabled): focus stays on "Save draft". */
    var call = L.caller(runtime, element, {errorBox: errorBox, buttons: function () { return [saveButton, submitButton]; }});

    /* Stored text is sanitised HTML: show its source in the textarea with entities decoded. */
    function toSource(html) {
        var decoder = document.createElement('textarea');
        decoder.innerHTML = html || '';
        return decoder.value;
    }

    function countWords(text) {
        var words = text.replace(/<[^>]*>/g, ' ').trim();
        return words ? words.split(/\s+/).length : 0;
    }

    function when(iso) {
        if (!iso) { return ''; }
        var date = new Date(iso);
        return isNaN(date.getTime()) ? iso : date.toLocaleString();
    }

    function showCount() {
        var words = countWords(textarea.value);
        var text = L.format(L.ngettext('{count} word', '{count} words', words), {count: words});
        if (limits.min && words < limits.min) {
            text += ' ' + L.format(_('({needed} more needed)'), {needed: limits.min - words});
        } else if (words > limits.max) {
            text += ' ' + L.format(_('({over} over the limit)'), {over: words - limits.max});
        }
        count.textContent = text;
    }

    function renderRecord(rows) {
        L.clear(record);
        if (!rows.length) {
            record.appendChild(el('li', {}, [_('Nothing saved yet.')]));
            return;
        }
        rows.forEach(function (row) {
            var status = row.submitted ? _('submitted') : _('draft');
            var details = L.format(_('{status}, {words}, {when}'), {
                status: status, when: when(row.updated_at),
                words: L.format(L.ngettext('{count} word', '{count} words', row.words), {count: row.words})
            });
            record.appendChild(el('li', {}, [
                row.title ? el('strong', {lang: titleLang}, [row.title]) : el('strong', {}, [_('Reflection')]),
                row.module ? el('span', {}, [' (', L.own(row.module, titleLang), ')']) : '',
                ': ' + details,
                row.this_block ? ' ' + _('(this exercise)') : ''
            ]));
        });
    }

    function renderResult(state) {
        var heading = el('h4', {}, [_('Your submitted reflection')]);
        L.clear(result).appendChild(heading);
        result.appendChild(el('p', {className: 'lsx-hint'}, [L.format(_('Submitted {when}.'),
            {when: when(state.submitted_at)})]));
        result.appendChild(el('div', {className: 'lsx-learner-text', lang: '', html: state.text}));  /* any language */
        if (state.guidance) {
            result.appendChild(el('h4', {}, [_('What experienced supervisors notice here')]));
            result.appendChild(el('div', {className: 'lsx-guidance',
                lang: result.getAttribute('data-guidance-lang'), html: state.guidance}));
        }
        result.hidden = false;
        return heading;
    }

    function render(state, news) {
        news = news || {};
        limits = {min: state.min_words, max: state.max_words};
        renderRecord(state.reflections);
        if (state.submitted) {
            editor.hidden = true;
            var heading = renderResult(state);
            if (news.submitted) {
                statusBox.textContent = _('Your reflection has been submitted.');
                L.focus(heading);
            }
            return;
        }
        editor.hidden = false;
        result.hidden = true;
        if (news.initial) { textarea.value = toSource(state.text); }
        showCount();
        if (news.saved) {
            statusBox.textContent = L.format(_('Draft saved {when}.'), {when: when(state.saved_at)});
        } else if (news.initial && state.saved_at) {
            statusBox.textContent = L.format(_('Draft last saved {when}.'), {when: when(state.saved_at)});
        }
    }

    textarea.addEventListener('input', showCount);
    saveButton.addEventListener('click', function () {
        if (call.busy()) { return; }
        statusBox.textContent = _('Saving your draft...');
        call('save_draft', {text: textarea.value}).then(function (state) {
            if (state) { render(state, {saved: true}); } else { statusBox.textContent = ''; }
        });
    });
    submitButton.addEventListener('click', function () {
        if (call.busy()) { return; }
        statusBox.textContent = _('Submitting your reflection...');
        call('submit', {text: textarea.value}).then(function (state) {
            if (state) { render(state, {submitted: true}); } else { statusBox.textContent = ''; }
        });
    });

    render(init.state, {initial: true});
}
