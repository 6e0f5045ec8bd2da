// The JavaScript lint gate (`make lint`): eslint's recommended rules on the blocks' scripts, which are
// plain ES5 scripts (no modules, no build step) run in the browser by the LMS, Studio and the workbench.
'use strict';

const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
    {
        // Written by the translation tools (django-statici18n), not by hand.
        ignores: ['leadership_xblocks/common/public/static/i18n-*.js'],
    },
    {
        files: ['leadership_xblocks/*/public/static/*.js'],
        ...js.configs.recommended,
        languageOptions: {
            ecmaVersion: 5,
            sourceType: 'script',
            globals: {
                ...globals.browser,
                // ES5 syntax, but the scripts use the browser's Promise (with fetch).
                Promise: 'readonly',
            },
        },
    },
];
