/* What every block's script shares: translation, handler calls, DOM building, focus, error summaries. */
(function (window) {
    'use strict';
    var catalogue = window.LeadershipXBlocksI18N || {};

    function gettext(text) {
        return catalogue.gettext ? catalogue.gettext(text) : text;
    }

    function ngettext(singular, plural, count) {
        if (catalogue.ngettext) { return catalogue.ngettext(singular, plural, count); }
        return count === 1 ? singular : plural;
    }

    /* Fill "{name}" placeholders; values are text, never HTML. */
    function format(template, values) {
        return template.replace(/\{(\w+)\}/g, function (match, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
        });
    }

    /* format() as el() children: a node value (such as own()) stays a node. */
    function fill(template, values) {
        return template.split(/\{(\w+)\}/).map(function (part, i) {
            return i % 2 ? (typeof values[part] === 'object' ? values[part] : String(values[part])) : part;
        });
    }

    /* Authored text in the course content's language (the root's data-content-lang). */
    function own(text, lang, tag) {
        return el(tag || 'span', {lang: lang}, [String(text)]);
    }

    function csrfToken() {
        var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : '';
    }

    /* body: the JSON ({} if none); none if the server was not reached. */
    function failure(message, body) {
        var error = new Error(message);
        error.body = body;
        return error;
    }

    function post(url, data) {
        return window.fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRFToken': csrfToken(),
                      'X-Requested-With': 'XMLHttpRequest'},
            body: JSON.stringify(data || {})
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                if (!response.ok) {
                    throw failure(body.error || gettext('Something went wrong. Please try again.'), body);
                }
                return body;
            });
        }, function () {
            throw failure(gettext('The server could not be reached. Check your connection and try again.'));
        });
    }

    /* Build an element: el('p', {className: 'x'}, ['text', child]). Strings become text nodes. */
    function el(tag, attrs, children) {
        var node = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (key) {
            if (key === 'className') { node.className = attrs[key]; }
            else if (key === 'html') { node.innerHTML = attrs[key]; }  /* server-sanitised HTML only */
            else if (key.indexOf('on') === 0) { node.addEventListener(key.slice(2), attrs[key]); }
            else if (attrs[key] !== null && attrs[key] !== undefined && attrs[key] !== false) {
                node.setAttribute(key, attrs[key] === true ? '' : attrs[key]);
            }
        });
        (children || []).forEach(function (child) {
            if (child === null || child === undefined) { return; }
            node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        });
        return node;
    }

    function clear(node) {
        while (node.firstChild) { node.removeChild(node.firstChild); }
        return node;
    }

    /* Only nodes that are not focusable get tabindex=-1: a field given it would leave the Tab order. */
    var FOCUSABLE = /^(A|BUTTON|INPUT|SELECT|TEXTAREA|SUMMARY)$/;

    /* Move focus to new content so keyboard and screen-reader users land on it. */
    function focus(node) {
        if (!node) { return; }
        if (!FOCUSABLE.test(node.tagName) && !node.hasAttribute('tabindex')) { node.setAttribute('tabindex', '-1'); }
        node.focus({preventScroll: true});
        var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        node.scrollIntoView({block: 'nearest', behavior: reduce ? 'auto' : 'smooth'});
    }

    /* part('form'): the block's [data-role="form"]. */
    function parts(root) {
        return function (name) { return root.querySelector('[data-role="' + name + '"]'); };
    }

    /* A GOV.UK error summary with a link to each field ([{text, target, focus}]); focused, not live: read once. */
    function showError(box, message, links) {
        clear(box).appendChild(el('h4', {className: 'lsx-error-title'}, [gettext('There is a problem')]));
        box.appendChild(el('p', {}, [message]));
        if (links && links.length) {
            box.appendChild(el('ul', {className: 'lsx-error-list'}, links.map(function (link) {
                var id = link.target.id;
                return el('li', {}, [el('a', {href: id ? '#' + id : '#', onclick: function (event) {
                    event.preventDefault();
                    focus(link.focus || link.target);
                }}, [link.text])]);
            })));
        }
        focus(box);
    }

    /* aria-disabled, not disabled: a disabled button loses focus. */
    function setBusy(buttons, busy) {
        buttons.forEach(function (button) {
            if (!button) { return; }
            button[busy ? 'setAttribute' : 'removeAttribute']('aria-disabled', 'true');
        });
    }

    /* The one handler call: one at a time (else null), aria-busy, buttons() busy (none if options.parallel);
       a failure goes to errorBox or onError (then null), else it rejects. */
    function caller(runtime, element, options) {
        var root = rootOf(element), busy = false;
        options = options || {};
        function mark(on) {
            if (options.parallel) { return; }
            busy = on;
            root[on ? 'setAttribute' : 'removeAttribute']('aria-busy', 'true');
            setBusy(options.buttons ? options.buttons() : [], on);
        }
        var call = function (handler, data) {
            if (busy) { return Promise.resolve(null); }
            mark(true);
            if (options.errorBox) { clear(options.errorBox); }
            return post(options.url || runtime.handlerUrl(element, handler), data).then(null, function (error) {
                if (options.onError) { options.onError(error.message, error); } else if (options.errorBox) {
                    showError(options.errorBox, error.message);
                } else {
                    mark(false);
                    throw error;
                }
                return null;
            }).then(function (state) {
                mark(false);
                return state;
            });
        };
        call.busy = function () { return busy; };
        return call;
    }

    /* The init arguments a block's view sent (as escaped JSON text: see common/base.py). */
    function initArgs(init) {
        return init && typeof init.json === 'string' ? JSON.parse(init.json) : (init || {});
    }

    function rootOf(element) {
        return element && element.jquery ? element[0] : element;
    }

    /* Loaded once per block type: add to the namespace, never replace it. */
    var api = {
        gettext: gettext, ngettext: ngettext, format: format, fill: fill, own: own, caller: caller,
        el: el, clear: clear, parts: parts, focus: focus, showError: showError, setBusy: setBusy,
        rootOf: rootOf, initArgs: initArgs
    };
    var namespace = window.LeadershipXBlocks || {};
    Object.keys(api).forEach(function (name) { namespace[name] = api[name]; });
    window.LeadershipXBlocks = namespace;
}(window));
