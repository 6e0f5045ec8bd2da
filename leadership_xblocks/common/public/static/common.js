/* Shared helpers for the leadership blocks: translation, JSON requests, DOM building, focus. */
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

    /* Move focus to new content so keyboard and screen-reader users land on it. */
    function focus(node) {
        if (!node) { return; }
        if (!node.hasAttribute('tabindex')) { node.setAttribute('tabindex', '-1'); }
        node.focus({preventScroll: true});
        var reduce = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        node.scrollIntoView({block: 'nearest', behavior: reduce ? 'auto' : 'smooth'});
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
        gettext: gettext, ngettext: ngettext, format: format, post: post,
        el: el, clear: clear, focus: focus, rootOf: rootOf, initArgs: initArgs
    };
    var namespace = window.LeadershipXBlocks || {};
    Object.keys(api).forEach(function (name) { namespace[name] = api[name]; });
    window.LeadershipXBlocks = namespace;
}(window));
