/* Shared helpers for the leadership blocks: translation, handler calls (`caller`), DOM building (`el`,
   `parts`), focus and error summaries. Every block's script uses these rather than its own copies. */
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

    function csrfToken() {
        var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : '';
    }

    /* POST JSON to a handler; resolves with the JSON body, rejects with a readable message. */
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
                    throw new Error(body.error || gettext('Something went wrong. Please try again.'));
                }
                return body;
            });
        }, function () {
            throw new Error(gettext('The server could not be reached. Check your connection and try again.'));
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
            if (busy) { button.setAttribute('aria-disabled', 'true'); } else { button.removeAttribute('aria-disabled'); }
        });
    }

    /* The one way to call a handler: one request at a time (else null), aria-busy, buttons() marked busy,
       a failure shown in errorBox or given to onError (then null); url replaces runtime.handlerUrl. */
    function caller(runtime, element, options) {
        var root = rootOf(element), busy = false;
        options = options || {};
        function buttons() { return options.buttons ? options.buttons() : []; }
        var call = function (handler, data) {
            if (busy) { return Promise.resolve(null); }
            busy = true;
            if (options.errorBox) { clear(options.errorBox); }
            root.setAttribute('aria-busy', 'true');
            setBusy(buttons(), true);
            return post(options.url || runtime.handlerUrl(element, handler), data).then(null, function (error) {
                if (options.onError) { options.onError(error.message); } else if (options.errorBox) {
                    showError(options.errorBox, error.message);
                }
                return null;
            }).then(function (state) {
                busy = false;
                root.removeAttribute('aria-busy');
                setBusy(buttons(), false);
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

    /* Each block type loads this file from its own URL, so it can run more than once on a page:
       add to the namespace rather than replace it, or what charts.js added would be lost. */
    var api = {
        gettext: gettext, ngettext: ngettext, format: format, post: post, caller: caller,
        el: el, clear: clear, parts: parts, focus: focus, showError: showError, setBusy: setBusy,
        rootOf: rootOf, initArgs: initArgs
    };
    var namespace = window.LeadershipXBlocks || {};
    Object.keys(api).forEach(function (name) { namespace[name] = api[name]; });
    window.LeadershipXBlocks = namespace;
}(window));
