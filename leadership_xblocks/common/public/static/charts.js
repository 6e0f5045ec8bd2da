/* Accessible charts: an SVG bar chart (role=img, named by <title>, described by <desc>) that comes
   with a <table> of the same figures, and the one table builder. Bars say their value in text, so
   nothing depends on colour. Load after common.js. */
(function (window) {
    'use strict';
    var SVG = 'http://www.w3.org/2000/svg';
    var WIDTH = 330, BAR_SPACE = 180, BAR_HEIGHT = 18, LABEL_HEIGHT = 22, GAP = 4, ROW_GAP = 12;
    var LINE = 17, LABEL_CHARS = 42;
    var counter = 0;

    function svgEl(tag, attrs, text) {
        var node = document.createElementNS(SVG, tag);
        Object.keys(attrs || {}).forEach(function (key) {
            if (attrs[key] !== undefined) { node.setAttribute(key, attrs[key]); }
        });
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    /* Split a label into lines of at most `size` characters at spaces (SVG text does not wrap). */
    function lines(text, size) {
        var out = [], line = '';
        String(text).split(' ').forEach(function (word) {
            if (line && (line + ' ' + word).length > size) { out.push(line); line = word; }
            else { line = line ? line + ' ' + word : word; }
        });
        out.push(line);
        return out;
    }

    function textLines(attrs, text, size, lineHeight) {
        var node = svgEl('text', attrs);
        var all = lines(text, size);
        all.forEach(function (line, index) {  /* a space ends each broken line: the text reads as one */
            node.appendChild(svgEl('tspan', {x: attrs.x, dy: index ? lineHeight : 0},
                                   index < all.length - 1 ? line + ' ' : line));
        });
        return node;
    }

    /* The root of an inline SVG figure: named by its <title>, described by its <desc> (quoting no authored text). */
    function svgFigure(id, width, height, title, description) {
        var svg = svgEl('svg', {
            'class': 'lsx-chart', viewBox: '0 0 ' + width + ' ' + height, width: '100%',
            role: 'img', 'aria-labelledby': id + '-title', 'aria-describedby': id + '-desc', focusable: 'false',
            preserveAspectRatio: 'xMinYMin meet'
        });
        svg.appendChild(svgEl('title', {id: id + '-title'}, title));
        svg.appendChild(svgEl('desc', {id: id + '-desc'}, description || ''));
        return svg;
    }

    function newId() {
        counter += 1;
        return 'lsx-chart-' + counter + '-' + Math.random().toString(36).slice(2, 8);
    }

    /* rows: [{label, lang, mark, bars: [{name, value, text, variant: 'outline'}]}]; a `mark` row (the
       learner's own answer, said in its label) is hatched. */
    function barChart(options) {
        var id = newId();
        var min = options.min || 0, span = (options.max - min) || 1;
        var height = 0;
        options.rows.forEach(function (row) {
            row.lines = lines(row.label, LABEL_CHARS).length;
            height += row.lines * LINE + (LABEL_HEIGHT - LINE) + row.bars.length * (BAR_HEIGHT + GAP) + ROW_GAP;
        });
        var svg = svgFigure(id, WIDTH, height, options.title, options.description);
        var hatch = svgEl('pattern', {id: id + '-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
                                      patternTransform: 'rotate(45)'});
        hatch.appendChild(svgEl('rect', {width: 6, height: 6, 'class': 'lsx-hatch-ground', fill: '#ffffff'}));
        hatch.appendChild(svgEl('rect', {width: 3, height: 6, 'class': 'lsx-hatch-line', fill: '#0b5394'}));
        svg.appendChild(svgEl('defs', {}, undefined)).appendChild(hatch);
        var y = 0;
        options.rows.forEach(function (row) {
            svg.appendChild(textLines({x: 0, y: y + 16, 'class': 'lsx-chart-label', lang: row.lang}, row.label,
                                      LABEL_CHARS, LINE));
            y += row.lines * LINE + (LABEL_HEIGHT - LINE);
            row.bars.forEach(function (bar) {
                var fraction = Math.max(0, Math.min(1, (bar.value - min) / span));
                var width = Math.max(2, Math.round(fraction * BAR_SPACE));
                var outline = bar.variant === 'outline';
                svg.appendChild(svgEl('rect', {
                    x: 1, y: y, width: width, height: BAR_HEIGHT,
                    'class': 'lsx-bar' + (outline ? ' lsx-bar-outline' : '') + (row.mark ? ' lsx-bar-mark' : ''),
                    fill: row.mark ? 'url(#' + id + '-hatch)' : outline ? '#ffffff' : '#0b5394',
                    stroke: '#0b5394', 'stroke-width': 2, 'stroke-dasharray': outline ? '4 2' : 'none'
                }));
                svg.appendChild(svgEl('text', {x: width + 8, y: y + 14, 'class': 'lsx-chart-value'},
                    (bar.name ? bar.name + ': ' : '') + bar.text));
                y += BAR_HEIGHT + GAP;
            });
            y += ROW_GAP;
        });
        return svg;
    }

    /* A row: its cells (text or nodes; the first is the row header) or {cells, mark} (the learner's own,
       bold); options.numeric: the number columns, kept on one line. */
    function table(caption, headings, rows, options) {
        var el = window.LeadershipXBlocks.el;
        var numeric = (options && options.numeric) || [];
        function cls(index) { return numeric.indexOf(index) >= 0 ? 'lsx-num' : null; }
        return el('table', {className: 'lsx-table' + (options && options.className ? ' ' + options.className : '')}, [
            el('caption', {}, [].concat(caption)),
            el('thead', {}, [el('tr', {}, headings.map(function (text, index) {
                return el('th', {scope: 'col', className: cls(index)}, [text]);
            }))]),
            el('tbody', {}, rows.map(function (row) {
                var cells = row.cells || row;
                return el('tr', {className: row.mark ? 'lsx-yours' : null}, cells.map(function (text, index) {
                    return el(index === 0 ? 'th' : 'td', {scope: index === 0 ? 'row' : null, className: cls(index)},
                        [typeof text === 'object' ? text : String(text)]);
                }));
            }))
        ]);
    }

    /* The chart points to its figures in HTML, where authored names carry their lang (its name cannot). */
    function linkTo(chart, node) {
        node.id = node.id || newId();
        chart.setAttribute('aria-details', node.id);
        return node;
    }

    /* A chart with the same figures as a table in a details element below it. */
    function withTable(chart, tableNode, summary) {
        var el = window.LeadershipXBlocks.el;
        return el('div', {className: 'lsx-figure'}, [chart, linkTo(chart,
            el('details', {className: 'lsx-details'}, [el('summary', {}, [summary]), tableNode]))]);
    }

    /* A number for people: at most `places` decimals, no trailing zeros, in the page's locale. */
    function number(value, places) {
        if (value === null || value === undefined) { return ''; }
        return Number(value).toLocaleString(undefined, {maximumFractionDigits: places === undefined ? 2 : places});
    }

    window.LeadershipXBlocksCharts = {barChart: barChart, table: table, withTable: withTable, linkTo: linkTo, number: number,
                                      lines: lines, svgEl: svgEl, svgFigure: svgFigure, textLines: textLines, newId: newId};
}(window));
