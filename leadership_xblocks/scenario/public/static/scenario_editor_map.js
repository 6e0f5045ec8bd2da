/* The scenario editor's map, problem list and outline, drawn from the server's report (layout and
   messages come from the server: nothing here decides what is wrong). Adds LeadershipXBlocks.scenarioMap. */
(function (window) {
    'use strict';
    var L = window.LeadershipXBlocks, _ = L.gettext, el = L.el;
    var SVG = 'http://www.w3.org/2000/svg';
    var COL = 250, ROW = 78, W = 150, H = 48, PAD = 16, LOOP = 34;
    /* Each mode has its own colour AND dash pattern, so the map never relies on colour alone. */
    var STYLES = {
        urgent: {stroke: '#b00020', dash: ''},
        consultative: {stroke: '#0b5cad', dash: '8 4'},
        consensual: {stroke: '#1b6e34', dash: '2 4'},
        delegated: {stroke: '#6a1b9a', dash: '12 4 2 4'},
        timeout: {stroke: '#505050', dash: '14 6'}
    };
    var OTHER = {stroke: '#505050', dash: '1 3'};

    /* The decision modes' titles come from the server (the editor's `mode_names`, scenario/labels.py);
       a timeout is not a mode, so its word is here. */
    function modeNames(titles) {
        var names = {timeout: _('Timeout')};
        Object.keys(titles || {}).forEach(function (mode) { names[mode] = titles[mode]; });
        return names;
    }

    function svg(tag, attrs, children) {
        var node = document.createElementNS(SVG, tag);
        Object.keys(attrs || {}).forEach(function (key) {
            if (attrs[key] !== null && attrs[key] !== undefined && attrs[key] !== '') { node.setAttribute(key, attrs[key]); }
        });
        (children || []).forEach(function (child) {
            node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
        });
        return node;
    }

    function short(text, max) { return text.length > max ? text.slice(0, max - 1) + '\u2026' : text; }

    function counts(problems) {
        var errors = problems.filter(function (p) { return p.level === 'error'; }).length;
        return {errors: errors, warnings: problems.length - errors};
    }

    function summary(problems) {
        var c = counts(problems);
        if (!problems.length) { return _('No problems found.'); }
        return L.format(_('{errors} error(s), {warnings} warning(s).'), c);
    }

    function nodeLabel(node, problems) {
        var kind = node.kind === 'step' ? _('Step') : _('Ending');
        var mine = problems.filter(function (p) { return p.node === node.id; }).length;
        var text = kind + ': ' + node.title + ' (' + node.id + ')';
        if (!node.reached) { text += ', ' + _('not reachable from the first step'); }
        if (mine) { text += ', ' + L.format(_('{count} problem(s)'), {count: mine}); }
        return text;
    }

    function edgePath(a, b, edge, index) {
        var ax = PAD + a.layer * COL, ay = PAD + a.row * ROW, bx = PAD + b.layer * COL, by = PAD + b.row * ROW;
        var shift = index * 6, p;
        if (a.id === b.id) {  /* a step that leads back to itself */
            p = [ax + W, ay + 12, ax + W + 40, ay - 10 - shift, ax + W + 40, ay + H + 10 + shift, ax + W, ay + H - 12];
        } else if (edge.loop) {  /* to the same or an earlier layer: a curve under both nodes */
            var dip = Math.max(ay, by) + H + LOOP + shift;
            p = [ax + W / 2, ay + H, ax + W / 2, dip, bx + W / 2 + 10, dip, bx + W / 2 + 10, by + H];
        } else {
            var mid = (ax + W + bx) / 2;
            p = [ax + W, ay + H / 2 + shift - 6, mid, ay + H / 2, mid, by + H / 2, bx, by + H / 2 + shift - 6];
        }
        return {d: 'M' + p[0] + ',' + p[1] + ' C' + p.slice(2).join(','),
                x: (p[0] + 3 * p[2] + 3 * p[4] + p[6]) / 8, y: (p[1] + 3 * p[3] + 3 * p[5] + p[7]) / 8};
    }

    function drawSvg(uid, map, problems, selected, names) {
        var byId = {}, rows = 0;
        map.nodes.forEach(function (n) { byId[n.id] = n; rows = Math.max(rows, n.row + 1); });
        var width = PAD * 2 + Math.max(1, map.layers) * COL, height = PAD * 2 + rows * ROW + LOOP + 30;
        var defs = svg('defs');
        var root = svg('svg', {width: '100%', viewBox: '0 0 ' + width + ' ' + height, 'data-width': width, 'data-height': height,
                               'aria-hidden': 'true', focusable: 'false'}, [defs]);
        Object.keys(STYLES).concat(['other']).forEach(function (mode) {
            var style = STYLES[mode] || OTHER;
            defs.appendChild(svg('marker', {id: uid + '-arrow-' + mode, viewBox: '0 0 10 10', refX: 9, refY: 5,
                                            markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'},
                                 [svg('path', {d: 'M0,0 L10,5 L0,10 z', fill: style.stroke})]));
        });
        var pairs = {};
        map.edges.forEach(function (edge) {
            var a = byId[edge.source], b = byId[edge.target];
            if (!a || !b) { return; }
            var key = edge.source + '>' + edge.target, index = pairs[key] = (pairs[key] === undefined ? 0 : pairs[key] + 1);
            var style = STYLES[edge.mode] || OTHER, geo = edgePath(a, b, edge, index);
            var group = svg('g', {'class': 'lsx-map-edge' + (edge.loop ? ' lsx-map-loop' : '')}, [
                svg('path', {d: geo.d, fill: 'none', stroke: style.stroke, 'stroke-width': edge.loop ? 2.5 : 2,
                             'stroke-dasharray': style.dash, 'stroke-linecap': 'round',
                             'marker-end': 'url(#' + uid + '-arrow-' + (STYLES[edge.mode] ? edge.mode : 'other') + ')'}),
                svg('title', {}, [(edge.label || names[edge.mode] || edge.mode) + ' \u2192 ' + edge.target])
            ]);
            if (edge.label) {
                group.appendChild(svg('text', {x: geo.x, y: geo.y, 'class': 'lsx-map-label', 'text-anchor': 'middle'},
                                      [short(edge.label, 22)]));
            }
            root.appendChild(group);
        });
        map.nodes.forEach(function (node) {
            var levels = node.levels || [], x = PAD + node.layer * COL, y = PAD + node.row * ROW;
            var cls = 'lsx-map-node lsx-map-' + node.kind + (node.reached ? '' : ' lsx-map-unreached') +
                (levels.indexOf('error') >= 0 ? ' lsx-map-error' : levels.length ? ' lsx-map-warning' : '') +
                (node.id === selected ? ' lsx-map-selected' : '');
            var group = svg('g', {'class': cls, transform: 'translate(' + x + ',' + y + ')', 'data-node': node.id}, [
                svg('rect', {width: W, height: H, rx: node.kind === 'ending' ? 22 : 4}),
                svg('text', {x: 10, y: 20, 'class': 'lsx-map-title'}, [short(node.title, 20)]),
                svg('text', {x: 10, y: 38, 'class': 'lsx-map-id'}, [short(node.id, 22)])
            ]);
            if (levels.length) {
                group.appendChild(svg('text', {x: W - 16, y: 20, 'class': 'lsx-map-badge'},
                                      [levels.indexOf('error') >= 0 ? '!' : '?']));
            }
            root.appendChild(group);
        });
        return root;
    }

    /* The focusable layer over the drawing: one button per node, placed on it, arrow keys move between them. */
    function nodeButtons(map, problems, selected, onSelect, width, height) {
        var pct = function (value, of) { return (100 * value / of).toFixed(3) + '%'; };
        var layer = el('div', {className: 'lsx-map-keys', role: 'group', 'aria-label': _('Steps and endings on the map')});
        var buttons = map.nodes.map(function (node, i) {
            var isSel = node.id === selected || (!selected && i === 0);
            var button = el('button', {type: 'button', className: 'lsx-map-key', 'data-node': node.id,
                                       tabindex: isSel ? '0' : '-1', 'aria-current': node.id === selected ? 'true' : null,
                                       style: 'left:' + pct(PAD + node.layer * COL, width) + ';top:' + pct(PAD + node.row * ROW, height) +
                                           ';width:' + pct(W, width) + ';height:' + pct(H, height),
                                       onclick: function () { onSelect(node.id); }}, [
                el('span', {className: 'lsx-sr-only'}, [nodeLabel(node, problems)])
            ]);
            return button;
        });
        layer.addEventListener('keydown', function (event) {
            var i = buttons.indexOf(event.target);
            if (i < 0) { return; }
            var here = map.nodes[i], target = null;
            var nearest = function (layerNo) {
                var best = null;
                map.nodes.forEach(function (n, j) {
                    if (n.layer === layerNo && (best === null || Math.abs(n.row - here.row) < Math.abs(map.nodes[best].row - here.row))) { best = j; }
                });
                return best;
            };
            var inLayer = function (row) {
                var found = null;
                map.nodes.forEach(function (n, j) { if (n.layer === here.layer && n.row === row) { found = j; } });
                return found;
            };
            if (event.key === 'ArrowRight') { target = nearest(here.layer + 1); }
            else if (event.key === 'ArrowLeft') { target = nearest(here.layer - 1); }
            else if (event.key === 'ArrowDown') { target = inLayer(here.row + 1); }
            else if (event.key === 'ArrowUp') { target = inLayer(here.row - 1); }
            else if (event.key === 'Home') { target = 0; }
            else if (event.key === 'End') { target = buttons.length - 1; }
            else { return; }
            event.preventDefault();
            if (target === null || target === undefined) { return; }
            buttons[i].setAttribute('tabindex', '-1');
            buttons[target].setAttribute('tabindex', '0');
            buttons[target].focus();
        });
        buttons.forEach(function (b) { layer.appendChild(b); });
        return layer;
    }

    function legend(names) {
        return el('ul', {className: 'lsx-map-legend', 'aria-label': _('Key to the map')}, Object.keys(STYLES).map(function (mode) {
            var line = svg('svg', {width: 36, height: 10, 'aria-hidden': 'true', focusable: 'false'}, [
                svg('line', {x1: 1, y1: 5, x2: 35, y2: 5, stroke: STYLES[mode].stroke, 'stroke-width': 2.5,
                             'stroke-dasharray': STYLES[mode].dash, 'stroke-linecap': 'round'})
            ]);
            return el('li', {}, [line, ' ' + names[mode]]);
        }).concat([el('li', {}, [_('Curves under the nodes are loops back; a dashed grey box cannot be reached; ! marks an error, ? a warning.')])]));
    }

    function drawMap(container, uid, report, selected, onSelect, titles) {
        L.clear(container);
        var map = report.map;
        if (!map || !map.nodes.length) {
            container.appendChild(el('p', {}, [report.form ? _('Add a step to see the map.') :
                _('The map shows again when the OLX is well formed.')]));
            return;
        }
        var names = modeNames(titles), drawing = drawSvg(uid, map, report.problems, selected, names);
        var width = Number(drawing.getAttribute('data-width')), height = Number(drawing.getAttribute('data-height'));
        /* The drawing scales down to the space it has (it never scrolls sideways); the buttons over its nodes scale with it. */
        var box = el('div', {className: 'lsx-map-box'}, [el('div', {className: 'lsx-map-canvas', style: 'max-width:' + width + 'px'},
            [drawing, nodeButtons(map, report.problems, selected, onSelect, width, height)])]);
        container.appendChild(box);
        var general = report.problems.filter(function (p) { return !p.node; }).length;
        if (general) {  /* the shortcut warnings, say: about the whole scenario, not one node */
            container.appendChild(el('p', {className: 'lsx-problem-warning'}, [el('strong', {}, [L.format(
                _('{count} problem(s) about the whole scenario: see Problems.'), {count: general})])]));
        }
        container.appendChild(legend(names));
    }

    function drawProblems(container, report, onSelect) {
        L.clear(container);
        container.appendChild(el('p', {className: 'lsx-ed-summary'}, [summary(report.problems)]));
        if (!report.problems.length) { return; }
        container.appendChild(el('ul', {className: 'lsx-ed-problems'}, report.problems.map(function (p) {
            return el('li', {className: 'lsx-problem-' + p.level}, [
                el('strong', {}, [(p.level === 'error' ? _('Error') : _('Warning')) + ': ']), p.message,
                p.node ? el('button', {type: 'button', className: 'lsx-ed-link', onclick: function () { onSelect(p.node); }},
                            [L.format(_('Show {id}'), {id: p.node})]) : null
            ]);
        })));
    }

    function drawOutline(container, report, onSelect) {
        L.clear(container);
        var form = report.form;
        if (!form) { return; }
        var loops = {};
        ((report.map || {}).edges || []).forEach(function (e) { if (e.loop) { loops[e.source + '>' + e.target] = true; } });
        var open = function (id, text) {
            return el('button', {type: 'button', className: 'lsx-ed-link', onclick: function () { onSelect(id); }}, [text]);
        };
        container.appendChild(el('ol', {className: 'lsx-ed-outline'}, form.steps.map(function (step) {
            return el('li', {}, [open(step.id, (step.title || step.id) + ' (' + step.id + ')'),
                el('ul', {}, step.choices.map(function (c) {
                    return el('li', {}, [c.label + ' \u2014 ' + (c.mode || '?') + ' \u2192 ' + c.target +
                        (loops[step.id + '>' + c.target] ? ' (' + _('loops back') + ')' : '')]);
                }).concat(step.timeout ? [el('li', {}, [_('Timeout') + ' \u2192 ' + step.timeout])] : []))]);
        })));
        container.appendChild(el('ul', {className: 'lsx-ed-outline'}, form.endings.map(function (ending) {
            return el('li', {}, [_('Ending') + ': ', open(ending.id, (ending.title || ending.id) + ' (' + ending.id + ')')]);
        })));
    }

    L.scenarioMap = {drawMap: drawMap, drawProblems: drawProblems, drawOutline: drawOutline, summary: summary,
                     counts: counts};
}(window));
