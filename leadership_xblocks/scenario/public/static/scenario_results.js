/* A scenario's results: cohort charts with their tables, the route map, competency changes. From the
   payload only; `lang` is the authored text's language. Load after common.js and charts.js. */
(function (window) {
    'use strict';
    var L = window.LeadershipXBlocks, C = window.LeadershipXBlocksCharts, _ = L.gettext, el = L.el;

    function percent(share) { return Math.round(share * 100) + '%'; }

    function modeName(modes, mode) { return (modes[mode] || {}).name || mode || ''; }

    /* A cohort distribution: a bar chart (own answer hatched and named) with its table. */
    function shareFigure(caption, column, rows) {
        var yours = _('(yours)');
        var named = rows.map(function (row) {
            return {label: row.label + (row.yours ? ' ' + yours : ''), share: row.share, count: row.count, mark: row.yours,
                    lang: row.lang, cell: el('span', {}, [el('span', {lang: row.lang}, [row.label]),
                                                          row.yours ? ' ' + yours : null])};
        });
        var chart = C.barChart({
            title: caption, min: 0, max: 1,
            description: _('One bar per answer, as a share of the learners. Your own answer is hatched and marked ' +
                           '"(yours)". The table that follows gives the same figures.'),
            rows: named.map(function (row) {
                return {label: row.label, lang: row.lang, mark: row.mark, bars: [{value: row.share, text: L.format(
                    L.ngettext('{share} ({n} learner)', '{share} ({n} learners)', row.count),
                    {share: percent(row.share), n: row.count})}]};
            })
        });
        var tableNode = C.table(caption, [column, _('Share'), _('Learners')], named.map(function (row) {
            return {cells: [row.cell, percent(row.share), row.count], mark: row.mark};
        }), {numeric: [1, 2], className: 'lsx-cohort-table'});
        var figure = C.withTable(chart, tableNode, L.format(_('{caption}: the figures as a table'), {caption: caption}));
        /* Seen above the chart; not read twice, as the chart is named by the same words. */
        figure.insertBefore(el('p', {className: 'lsx-figure-title', 'aria-hidden': 'true'}, [caption]), chart);
        return figure;
    }

    function cohortStep(box, part, modes, lang) {
        box.appendChild(el('h4', {}, [_('How other learners answered')]));
        box.appendChild(el('p', {}, L.fill(L.ngettext(
            '{title}: {n} learner has answered this step, including you.',
            '{title}: {n} learners have answered this step, including you.', part.n),
            {title: L.own(part.title, lang), n: part.n})));
        box.appendChild(shareFigure(_('Choices made at this step'), _('Choice'), part.choices.map(function (row) {
            return {label: row.timed_out ? _('Time ran out') : row.label, share: row.share, count: row.count,
                    yours: row.yours, lang: row.timed_out ? undefined : lang};
        })));
        box.appendChild(shareFigure(_('Decision modes at this step'), _('Mode'), part.modes.map(function (row) {
            return {label: row.timed_out ? _('Time ran out') : modeName(modes, row.mode), share: row.share,
                    count: row.count, yours: row.yours};
        })));
    }

    function cohortEnding(box, part, lang) {
        box.appendChild(el('h5', {}, [_('Your ending beside the cohort')]));
        box.appendChild(el('p', {}, [L.format(L.ngettext(
            '{n} learner has reached an ending, including you.',
            '{n} learners have reached an ending, including you.', part.n), {n: part.n})]));
        box.appendChild(shareFigure(_('Endings reached by learners'), _('Ending'), part.endings.map(function (row) {
            return {label: row.title, share: row.share, count: row.count, yours: row.yours, lang: lang};
        })));
        if (part.competencies.length) {
            box.appendChild(C.table(_('Your competency profile beside the cohort mean'),
                [_('Competency'), _('You'), _('Cohort mean')], part.competencies.map(function (c) {
                    return [L.own(c.label, lang), c.yours, c.mean === null || c.mean === undefined ? '-' : C.number(c.mean, 1)];
                }), {numeric: [1, 2], className: 'lsx-cohort-table'}));
        }
    }

    function signed(value) { return (value > 0 ? '+' : '') + value; }

    /* Each competency's change in words and on the scale of what this scenario's routes can give. */
    function competencies(rows, lang) {
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
            list.appendChild(el('li', {}, [el('strong', {lang: lang}, [c.label]), ' ', L.format(
                _('{change} on this route: {words}. Routes through this scenario give from {low} to {high}.'),
                {change: signed(c.value), words: words, low: signed(low), high: signed(high)}), track]));
        });
        return list;
    }

    /* The lines of one decision on the route: the choice (authored: `lang`), its mode, and (where the
       review is allowed) what the moment demanded, whether the decision fitted, points and effects. */
    function routeLines(row, modes, judged, lang) {
        var out = [row.timed_out ? {text: _('Time ran out')} : {text: row.choice_label, lang: lang, chose: true},
                   {text: row.timed_out ? _('No decision: counted as a miss') :
                       L.format(_('Mode: {mode}'), {mode: modeName(modes, row.mode)})}];
        if (judged) {
            out.push({text: L.format(_('The moment demanded: {modes}'), {modes: row.demanded.length ?
                row.demanded.map(function (m) { return modeName(modes, m); }).join('; ') : _('Nothing in particular')})});
            out.push({text: row.fitted === null ? _('Fit: not judged') : row.fitted ? _('Fit: yes') : _('Fit: no')});
            out.push({text: L.format(_('Points: {points}'), {points: C.number(row.points)})});
            row.effects.forEach(function (e, i) {
                out.push({text: e.label + ' ' + signed(e.value), lang: lang, join: i ? ', ' : '. '});
            });
        }
        return out;
    }

    /* The same lines in words, as el() children: "You chose: X. Mode: Y." */
    function inWords(lines, lang) {
        var out = [];
        lines.forEach(function (line, i) {
            if (i) { out.push(line.join || '. '); }
            out = out.concat(line.chose ? L.fill(_('You chose: {label}'), {label: L.own(line.text, lang)}) :
                line.lang ? [L.own(line.text, lang)] : [line.text]);
        });
        return out.concat(['.']);
    }

    /* The learner's path as a sequence of decisions, in SVG, and the same in words below it. */
    function routeMap(state, lang) {
        var judged = !!state.ending.review, rows = state.ending.review || state.history, modes = state.modes || {};
        var id = C.newId(), y = 8, X = 40, CHARS = 40, LINE = 17, svg, list = el('ol', {className: 'lsx-route-list'});
        var nodes = [];
        function count(text) { return C.lines(text, CHARS).length; }
        rows.forEach(function (row, index) {
            var texts = routeLines(row, modes, judged, lang);
            nodes.push({row: row, index: index, texts: texts, y: y});
            y += texts.reduce(function (sum, t) { return sum + count(t.text); }, count(row.step_title)) * LINE + 16;
            list.appendChild(el('li', {}, [el('strong', {lang: lang}, [row.step_title]), ' '].concat(inWords(texts, lang))));
        });
        list.appendChild(el('li', {}, [el('strong', {}, [_('Ending')]), ' ', L.own(state.ending.title, lang)]));
        var endTitle = state.ending.title;
        svg = C.svgFigure(id, 330, y + (1 + count(endTitle)) * LINE + 16, L.format(L.ngettext(
            'Route map: your {n} decision and your ending', 'Route map: your {n} decisions and your ending', rows.length),
            {n: rows.length}),
            _('Each numbered circle is one decision, in order. The list "Your route in words" gives the same.'));
        nodes.forEach(function (node) {
            var ty = node.y + 16, next = nodes[node.index + 1];
            svg.appendChild(C.svgEl('line', {x1: 16, y1: node.y + 12, x2: 16, y2: (next ? next.y : y) + 12,
                                             'class': 'lsx-route-line'}));
            svg.appendChild(C.svgEl('circle', {cx: 16, cy: node.y + 12, r: 12, 'class': 'lsx-route-stop' +
                (judged && node.row.fitted === false ? ' lsx-route-miss' : '')}));
            svg.appendChild(C.svgEl('text', {x: 16, y: node.y + 17, 'class': 'lsx-route-number',
                                             'text-anchor': 'middle'}, String(node.index + 1)));
            svg.appendChild(C.textLines({x: X, y: ty, 'class': 'lsx-chart-label', lang: lang}, node.row.step_title, CHARS,
                                         LINE));
            ty += count(node.row.step_title) * LINE;
            node.texts.forEach(function (line) {
                svg.appendChild(C.textLines({x: X, y: ty, 'class': 'lsx-chart-value', lang: line.lang}, line.text, CHARS,
                                            LINE));
                ty += count(line.text) * LINE;
            });
        });
        svg.appendChild(C.svgEl('rect', {x: 4, y: y, width: 24, height: 24, 'class': 'lsx-route-stop'}));
        svg.appendChild(C.svgEl('text', {x: X, y: y + 17, 'class': 'lsx-chart-label'}, _('Ending')));
        svg.appendChild(C.textLines({x: X, y: y + 17 + LINE, 'class': 'lsx-chart-label', lang: lang}, endTitle, CHARS,
                                    LINE));
        return el('div', {className: 'lsx-route'}, [el('h5', {}, [_('Your route')]), svg, C.linkTo(svg,
            el('details', {className: 'lsx-details'}, [el('summary', {}, [_('Your route in words')]), list]))]);
    }

    window.LeadershipScenarioResults = {
        cohortStep: cohortStep, cohortEnding: cohortEnding, competencies: competencies, routeMap: routeMap,
        modeName: modeName, percent: percent
    };
}(window));
