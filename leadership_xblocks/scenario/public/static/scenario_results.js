/* What the scenario shows about a decision or an attempt: cohort charts with their tables, the
   route map of an ending and the competency changes on their scale. Built from the payload
   only (mode names come from the server in `state.modes`). Load after common.js and charts.js. */
(function (window) {
    'use strict';
    var L = window.LeadershipXBlocks, C = window.LeadershipXBlocksCharts, _ = L.gettext, el = L.el;

    function percent(share) { return Math.round(share * 100) + '%'; }

    function modeName(modes, mode) { return (modes[mode] || {}).name || mode || ''; }

    /* A cohort distribution: a bar chart (own answer hatched and named) with the table below. */
    function shareFigure(caption, column, rows) {
        var yours = _('(yours)');
        var named = rows.map(function (row) {
            return {label: row.label + (row.yours ? ' ' + yours : ''), share: row.share, count: row.count, mark: row.yours};
        });
        var chart = C.barChart({
            title: caption, min: 0, max: 1,
            description: _('One bar per answer, as a share of the learners. Your own answer is hatched and marked ' +
                           '"(yours)". The table that follows gives the same figures.'),
            rows: named.map(function (row) {
                return {label: row.label, mark: row.mark, bars: [{value: row.share, text: L.format(
                    L.ngettext('{share} ({n} learner)', '{share} ({n} learners)', row.count),
                    {share: percent(row.share), n: row.count})}]};
            })
        });
        var tableNode = C.table(caption, [column, _('Share'), _('Learners')], named.map(function (row) {
            return {cells: [row.label, percent(row.share), row.count], mark: row.mark};
        }), {numeric: [1, 2], className: 'lsx-cohort-table'});
        var figure = C.withTable(chart, tableNode, L.format(_('{caption}: the figures as a table'), {caption: caption}));
        /* Seen above the chart; not read twice, as the chart is named by the same words. */
        figure.insertBefore(el('p', {className: 'lsx-figure-title', 'aria-hidden': 'true'}, [caption]), chart);
        return figure;
    }

    function cohortStep(box, part, modes) {
        box.appendChild(el('h4', {}, [_('How other learners answered')]));
        box.appendChild(el('p', {}, [L.format(L.ngettext(
            '{title}: {n} learner has answered this step, including you.',
            '{title}: {n} learners have answered this step, including you.', part.n),
            {title: part.title, n: part.n})]));
        box.appendChild(shareFigure(_('Choices made at this step'), _('Choice'), part.choices.map(function (row) {
            return {label: row.timed_out ? _('Time ran out') : row.label, share: row.share, count: row.count,
                    yours: row.yours};
        })));
        box.appendChild(shareFigure(_('Decision modes at this step'), _('Mode'), part.modes.map(function (row) {
            return {label: row.timed_out ? _('Time ran out') : modeName(modes, row.mode), share: row.share,
                    count: row.count, yours: row.yours};
        })));
    }

    function cohortEnding(box, part) {
        box.appendChild(el('h5', {}, [_('Your ending beside the cohort')]));
        box.appendChild(el('p', {}, [L.format(L.ngettext(
            '{n} learner has reached an ending, including you.',
            '{n} learners have reached an ending, including you.', part.n), {n: part.n})]));
        box.appendChild(shareFigure(_('Endings reached by learners'), _('Ending'), part.endings.map(function (row) {
            return {label: row.title, share: row.share, count: row.count, yours: row.yours};
        })));
        if (part.competencies.length) {
            box.appendChild(C.table(_('Your competency profile beside the cohort mean'),
                [_('Competency'), _('You'), _('Cohort mean')], part.competencies.map(function (c) {
                    return [c.label, c.yours, c.mean === null || c.mean === undefined ? '-' : C.number(c.mean, 1)];
                }), {numeric: [1, 2], className: 'lsx-cohort-table'}));
        }
    }

    function signed(value) { return (value > 0 ? '+' : '') + value; }

    /* Each competency's change in words and on the scale of what this scenario's routes can give. */
    function competencies(rows) {
        var list = el('ul', {className: 'lsx-competencies'});
        rows.forEach(function (c) {
            var low = c.min, high = c.max, spanned = (high - low) || 1;
            var words = c.value > 0 ? _('strengthened') : c.value < 0 ? _('weakened') : _('unchanged');
            var x = 30 + Math.round((c.value - low) / spanned * 140);
            var track = C.svgEl('svg', {'class': 'lsx-chart lsx-scale-chart', viewBox: '0 0 200 28', 'aria-hidden': 'true',
                                        focusable: 'false'});
            track.appendChild(C.svgEl('line', {x1: 30, y1: 14, x2: 170, y2: 14, 'class': 'lsx-route-line'}));
            track.appendChild(C.svgEl('rect', {x: x - 3, y: 3, width: 6, height: 22, 'class': 'lsx-bar lsx-scale-mark',
                                               fill: '#0b0c0c'}));
            track.appendChild(C.svgEl('text', {x: 24, y: 19, 'text-anchor': 'end', 'class': 'lsx-chart-value'},
                                      signed(low)));
            track.appendChild(C.svgEl('text', {x: 176, y: 19, 'class': 'lsx-chart-value'}, signed(high)));
            list.appendChild(el('li', {}, [el('strong', {}, [c.label]), ' ', L.format(
                _('{change} on this route: {words}. Routes through this scenario give from {low} to {high}.'),
                {change: signed(c.value), words: words, low: signed(low), high: signed(high)}), track]));
        });
        return list;
    }

    /* One line of the route in words: the step, the decision and its mode, and (where the review
       is allowed) what the moment demanded and whether the decision fitted. */
    function routeLines(row, modes, judged) {
        var out = [row.timed_out ? _('Time ran out') : L.format(_('You chose: {label}'), {label: row.choice_label}),
                   row.timed_out ? _('No decision: counted as a miss') :
                       L.format(_('Mode: {mode}'), {mode: modeName(modes, row.mode)})];
        if (judged) {
            out.push(L.format(_('The moment demanded: {modes}'), {modes: row.demanded.length ?
                row.demanded.map(function (m) { return modeName(modes, m); }).join('; ') : _('Nothing in particular')}));
            out.push(row.fitted === null ? _('Fit: not judged') : row.fitted ? _('Fit: yes') : _('Fit: no'));
            out.push(L.format(_('Points: {points}'), {points: C.number(row.points)}) + (row.effects.length ? '. ' +
                row.effects.map(function (e) { return e.label + ' ' + signed(e.value); }).join(', ') : ''));
        }
        return out;
    }

    /* The learner's path as a sequence of decisions, in SVG, and the same in words below it. */
    function routeMap(state) {
        var judged = !!state.ending.review, rows = state.ending.review || state.history, modes = state.modes || {};
        var id = C.newId(), y = 8, X = 40, CHARS = 40, LINE = 17, svg, list = el('ol', {className: 'lsx-route-list'});
        var nodes = [];
        function count(text) { return C.lines(text, CHARS).length; }
        rows.forEach(function (row, index) {
            var texts = routeLines(row, modes, judged);
            nodes.push({row: row, index: index, texts: texts, y: y});
            y += texts.reduce(function (sum, t) { return sum + count(t); }, count(row.step_title)) * LINE + 16;
            list.appendChild(el('li', {}, [el('strong', {}, [row.step_title]), ' ', texts.join('. ') + '.']));
        });
        list.appendChild(el('li', {}, [el('strong', {}, [_('Ending')]), ' ', state.ending.title]));
        var endText = L.format(_('Ending: {title}'), {title: state.ending.title});
        svg = C.svgFigure(id, 330, y + count(endText) * LINE + 16, L.format(
            _('Route map: your {n} decisions, leading to "{ending}"'), {n: rows.length, ending: state.ending.title}),
            _('Each numbered circle is one decision, in order. The list "Your route in words" gives the same.'));
        nodes.forEach(function (node) {
            var ty = node.y + 16, next = nodes[node.index + 1];
            svg.appendChild(C.svgEl('line', {x1: 16, y1: node.y + 12, x2: 16, y2: (next ? next.y : y) + 12,
                                             'class': 'lsx-route-line'}));
            svg.appendChild(C.svgEl('circle', {cx: 16, cy: node.y + 12, r: 12, 'class': 'lsx-route-stop' +
                (judged && node.row.fitted === false ? ' lsx-route-miss' : '')}));
            svg.appendChild(C.svgEl('text', {x: 16, y: node.y + 17, 'class': 'lsx-route-number',
                                             'text-anchor': 'middle'}, String(node.index + 1)));
            svg.appendChild(C.textLines({x: X, y: ty, 'class': 'lsx-chart-label'}, node.row.step_title, CHARS, LINE));
            ty += count(node.row.step_title) * LINE;
            node.texts.forEach(function (text) {
                svg.appendChild(C.textLines({x: X, y: ty, 'class': 'lsx-chart-value'}, text, CHARS, LINE));
                ty += count(text) * LINE;
            });
        });
        svg.appendChild(C.svgEl('rect', {x: 4, y: y, width: 24, height: 24, 'class': 'lsx-route-stop'}));
        svg.appendChild(C.textLines({x: X, y: y + 17, 'class': 'lsx-chart-label'}, endText, CHARS, LINE));
        return el('div', {className: 'lsx-route'}, [el('h5', {}, [_('Your route')]), svg,
            el('details', {className: 'lsx-details'}, [el('summary', {}, [_('Your route in words')]), list])]);
    }

    window.LeadershipScenarioResults = {
        cohortStep: cohortStep, cohortEnding: cohortEnding, competencies: competencies, routeMap: routeMap,
        modeName: modeName, percent: percent
    };
}(window));
