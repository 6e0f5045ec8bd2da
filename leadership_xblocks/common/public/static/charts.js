/* Accessible charts for the leadership blocks: an inline SVG bar chart (role="img", with a
   <title> and <desc>) that always comes with a real <table> holding the same figures.
   Bars carry their own text label and value, so nothing depends on colour.

   Exposed as `window.LeadershipXBlocksCharts`, not on `window.LeadershipXBlocks`: each block type
   loads common.js from its own URL, so a page with several block types runs it several times and
   each run replaces that object. Load after common.js. */
(function (window) {
    'use strict';
    var SVG = 'http://www.w3.org/2000/svg';
    var WIDTH = 330, BAR_SPACE = 180, BAR_HEIGHT = 18, LABEL_HEIGHT = 22, GAP = 4, ROW_GAP = 12;
    var counter = 0;

    function svgEl(tag, attrs, text) {
        var node = document.createElementNS(SVG, tag);
        Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
        if (text !== undefined) { node.textContent = text; }
        return node;
    }

    /* options: {title, description, min, max, rows: [{label, bars: [{name, value, text, variant}]}]}
       `variant` 'solid' (default) or 'outline'; `name` (e.g. "Before") is written beside each bar. */
    function barChart(options) {
        counter += 1;
        var id = 'lsx-chart-' + counter + '-' + Math.random().toString(36).slice(2, 8);
        var min = options.min || 0, span = (options.max - min) || 1;
        var height = 0;
        options.rows.forEach(function (row) {
            height += LABEL_HEIGHT + row.bars.length * (BAR_HEIGHT + GAP) + ROW_GAP;
        });
        var svg = svgEl('svg', {
            'class': 'lsx-chart', viewBox: '0 0 ' + WIDTH + ' ' + height, width: '100%',
            role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc', focusable: 'false',
            preserveAspectRatio: 'xMinYMin meet'
        });
        svg.appendChild(svgEl('title', {id: id + '-title'}, options.title));
        svg.appendChild(svgEl('desc', {id: id + '-desc'}, options.description || ''));
        var y = 0;
        options.rows.forEach(function (row) {
            svg.appendChild(svgEl('text', {x: 0, y: y + 16, 'class': 'lsx-chart-label'}, row.label));
            y += LABEL_HEIGHT;
            row.bars.forEach(function (bar) {
                var fraction = Math.max(0, Math.min(1, (bar.value - min) / span));
                var width = Math.max(2, Math.round(fraction * BAR_SPACE));
                var outline = bar.variant === 'outline';
                svg.appendChild(svgEl('rect', {
                    x: 1, y: y, width: width, height: BAR_HEIGHT,
                    'class': outline ? 'lsx-bar lsx-bar-outline' : 'lsx-bar',
                    fill: outline ? '#ffffff' : '#0b5394', stroke: '#0b5394', 'stroke-width': 2,
                    'stroke-dasharray': outline ? '4 2' : 'none'
                }));
                svg.appendChild(svgEl('text', {x: width + 8, y: y + 14, 'class': 'lsx-chart-value'},
                    (bar.name ? bar.name + ': ' : '') + bar.text));
                y += BAR_HEIGHT + GAP;
            });
            y += ROW_GAP;
        });
        return svg;
    }

    /* A data table: caption, column headings, rows of cells (the first cell is the row header). */
    function table(caption, headings, rows) {
        var el = window.LeadershipXBlocks.el;
        return el('table', {className: 'lsx-table'}, [
            el('caption', {}, [caption]),
            el('thead', {}, [el('tr', {}, headings.map(function (text) {
                return el('th', {scope: 'col'}, [text]);
            }))]),
            el('tbody', {}, rows.map(function (cells) {
                return el('tr', {}, cells.map(function (text, index) {
                    return index === 0 ? el('th', {scope: 'row'}, [String(text)]) : el('td', {}, [String(text)]);
                }));
            }))
        ]);
    }

    /* A number for people: at most `places` decimals, no trailing zeros, in the page's locale. */
    function number(value, places) {
        if (value === null || value === undefined) { return ''; }
        return Number(value).toLocaleString(undefined, {maximumFractionDigits: places === undefined ? 2 : places});
    }

    window.LeadershipXBlocksCharts = {barChart: barChart, table: table, number: number};
}(window));
