#!/usr/bin/env python3
"""Translation catalogues of leadership-xblocks: extract, compile, check (stdlib + Django).

    python tools/i18n.py extract    # code -> translations/en/LC_MESSAGES/{text,textjs}.po,
                                    # merged into every other locale's .po files
    python tools/i18n.py compile    # .po -> text.mo for every locale, public/static/i18n-<locale>.js
    python tools/i18n.py check      # exit 1, listing the problems, when a catalogue or a
                                    # compiled file is out of date or a translation is missing
    python tools/i18n.py extract --new-locale fr --plural-forms 'nplurals=2; plural=(n > 1);'

Run it with the project's venv (Django is needed to read the templates), from anywhere.

Two domains, one folder per locale under `leadership_xblocks/translations/<locale>/LC_MESSAGES/`:

* `text.po`  : Python (`_()`, `gettext()`, `gettext_noop()`, `ngettext()`, `pgettext()`,
               also called as `self._(...)` or `service.gettext(...)`) and Django templates
               (`templates/*.html|txt`: `{% trans %}`, `{% blocktrans %}`, `_("...")` constants). Compiled to `text.mo`,
               the file Open edX's XBlock i18n service and our workbench service read.
* `textjs.po`: JavaScript in `public/static/*.js` (`_()`, `gettext()`, `ngettext()`, `pgettext()`,
               string literals joined with `+` allowed). Compiled to `public/static/i18n-<locale>.js`,
               which sets `window.LeadershipXBlocksI18N = {gettext, ngettext, pgettext,
               npgettext, pluralidx}` (the block's `i18n_js_namespace`). No file for `en`.

`en` holds the source catalogues (empty msgstr). References name files only, without line
numbers, so the check does not fail each time code moves. Translator comments
(`# Translators: ...`, `{# Translators: ... #}`, `// Translators: ...`) just above a call
are copied into the catalogue. Output is deterministic, so `check` compares bytes.
"""
import argparse
import ast
import difflib
import io
import json
import re
import struct
import sys
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / 'leadership_xblocks'
TRANSLATIONS = PACKAGE / 'translations'
STATIC = PACKAGE / 'public' / 'static'
SOURCE_LOCALE = 'en'
DOMAINS = ('text', 'textjs')
JS_NAMESPACE = 'LeadershipXBlocksI18N'
TEMPLATE_SUFFIXES = ('.html', '.txt')   # Django templates, in any `templates/` folder of the package
JS_CATALOGUE = 'i18n-{name}.js'
PROJECT = 'leadership-xblocks'
REFRESH = 'python tools/i18n.py extract && python tools/i18n.py compile'
KNOWN_PLURAL_FORMS = {
    'en': 'nplurals=2; plural=(n != 1);',
    'cy': 'nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;',
}

# name -> the meaning of its leading string arguments
KEYWORDS = {}
for _name in ('_', 'gettext', 'ugettext', 'gettext_noop', 'gettext_lazy', 'ugettext_lazy'):
    KEYWORDS[_name] = ('msgid',)
for _name in ('ngettext', 'ungettext', 'ngettext_lazy'):
    KEYWORDS[_name] = ('msgid', 'plural')
for _name in ('pgettext', 'pgettext_lazy'):
    KEYWORDS[_name] = ('context', 'msgid')
for _name in ('npgettext', 'npgettext_lazy'):
    KEYWORDS[_name] = ('context', 'msgid', 'plural')
DEFINERS = {'def', 'class', 'function', 'lambda'}


# ---------------------------------------------------------------------------------------
# Messages and .po files

@dataclass
class Message:
    msgid: str
    context: str = None
    plural: str = None
    msgstr: list = field(default_factory=lambda: [''])
    references: list = field(default_factory=list)
    extracted: list = field(default_factory=list)    # "#." lines (translator comments from code)
    comments: list = field(default_factory=list)     # "# " lines (the translator's own notes)
    flags: list = field(default_factory=list)        # "#," flags, e.g. fuzzy
    previous: str = None                             # "#| msgid" of a fuzzy match

    @property
    def key(self):
        return (self.context or '', self.msgid)

    @property
    def fuzzy(self):
        return 'fuzzy' in self.flags

    def describe(self):
        text = self.msgid if self.plural is None else f'{self.msgid} | {self.plural}'
        return f'[{self.context}] {text}' if self.context else text


@dataclass
class Catalogue:
    header: str = ''
    header_comments: list = field(default_factory=list)
    messages: dict = field(default_factory=dict)     # key -> Message, in file order

    def header_field(self, name):
        for line in self.header.split('\n'):
            if line.lower().startswith(name.lower() + ':'):
                return line.split(':', 1)[1].strip()
        return None

    def set_header_field(self, name, value):
        lines = [line for line in self.header.split('\n') if line]
        for index, line in enumerate(lines):
            if line.lower().startswith(name.lower() + ':'):
                lines[index] = f'{name}: {value}'
                break
        else:
            lines.append(f'{name}: {value}')
        self.header = '\n'.join(lines) + '\n'

    @property
    def nplurals(self):
        match = re.search(r'nplurals\s*=\s*(\d+)', self.header_field('Plural-Forms') or '')
        return int(match.group(1)) if match else 2

    @property
    def plural_expression(self):
        match = re.search(r'plural\s*=\s*([^;]+);?', self.header_field('Plural-Forms') or '')
        return match.group(1).strip() if match else '(n != 1)'


_ESCAPES = {'\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r'}
_UNESCAPES = {'\\': '\\', '"': '"', 'n': '\n', 't': '\t', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}


def po_escape(text):
    return ''.join(_ESCAPES.get(char, char) for char in text)


def po_unescape(text):
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == '\\' and index + 1 < len(text):
            out.append(_UNESCAPES.get(text[index + 1], text[index + 1]))
            index += 2
        else:
            out.append(char)
            index += 1
    return ''.join(out)


def po_string(keyword, text):
    """`keyword "text"`, split after each \\n so multi-line strings stay readable."""
    if '\n' not in text.rstrip('\n'):
        return f'{keyword} "{po_escape(text)}"\n'
    parts = re.findall(r'[^\n]*\n|[^\n]+', text)
    return f'{keyword} ""\n' + ''.join(f'"{po_escape(part)}"\n' for part in parts)


def read_po(path, text=None):
    """Parse a .po file, or `text` named `path` (obsolete `#~` entries are dropped)."""
    catalogue = Catalogue()
    entries = []
    current, last_key = None, None

    def new_entry():
        return {'comments': [], 'extracted': [], 'references': [], 'flags': [], 'previous': None,
                'msgctxt': None, 'msgid': None, 'msgid_plural': None, 'msgstr': {}}

    def finish():
        nonlocal current
        if current is not None and current['msgid'] is not None:
            entries.append(current)
        current = None

    if text is None:
        text = Path(path).read_text(encoding='utf-8')
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith('#~'):
            continue
        if line.startswith('#'):
            if current is not None and current['msgid'] is not None:
                finish()
            current = current or new_entry()
            kind, rest = line[1:2], line[2:].strip()
            if kind == '.':
                current['extracted'].append(rest)
            elif kind == ':':
                current['references'].extend(rest.split())
            elif kind == ',':
                current['flags'].extend(f.strip() for f in rest.split(',') if f.strip())
            elif kind == '|':
                match = re.match(r'msgid\s+"(.*)"$', rest)
                if match:
                    current['previous'] = po_unescape(match.group(1))
            else:
                current['comments'].append(line[1:].lstrip() if kind in (' ', '') else line[1:])
            continue
        match = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
        if match:
            keyword, index, value = match.group(1), match.group(2), po_unescape(match.group(3))
            if keyword in ('msgctxt', 'msgid') and current is not None and current['msgid'] is not None \
                    and (keyword == 'msgctxt' or current['msgstr']):
                finish()
            current = current or new_entry()
            if keyword.startswith('msgstr'):
                last_key = ('msgstr', int(index or 0))
                current['msgstr'][last_key[1]] = value
            else:
                last_key = (keyword, None)
                current[keyword] = value
            continue
        match = re.match(r'"(.*)"$', line)
        if match and current is not None and last_key is not None:
            value = po_unescape(match.group(1))
            if last_key[0] == 'msgstr':
                current['msgstr'][last_key[1]] += value
            else:
                current[last_key[0]] += value
            continue
        raise ValueError(f'{path}:{number}: cannot read {raw!r}')
    finish()

    for entry in entries:
        forms = [entry['msgstr'][i] for i in sorted(entry['msgstr'])] or ['']
        if entry['msgid'] == '' and entry['msgctxt'] is None:
            catalogue.header = forms[0]
            catalogue.header_comments = entry['comments']
            continue
        message = Message(
            msgid=entry['msgid'], context=entry['msgctxt'], plural=entry['msgid_plural'], msgstr=forms,
            references=entry['references'], extracted=entry['extracted'], comments=entry['comments'],
            flags=entry['flags'], previous=entry['previous'])
        catalogue.messages[message.key] = message
    return catalogue


def write_po(catalogue):
    out = io.StringIO()
    for comment in catalogue.header_comments:
        out.write(f'# {comment}\n' if comment else '#\n')
    out.write('msgid ""\n')
    out.write('msgstr ""\n')
    for line in catalogue.header.split('\n'):
        if line:
            out.write(f'"{po_escape(line)}\\n"\n')
    for message in catalogue.messages.values():
        out.write('\n')
        for comment in message.comments:
            out.write(f'# {comment}\n' if comment else '#\n')
        for comment in message.extracted:
            out.write(f'#. {comment}\n')
        if message.references:
            out.write('#: ' + ' '.join(message.references) + '\n')
        if message.flags:
            out.write('#, ' + ', '.join(message.flags) + '\n')
        if message.previous is not None:
            out.write(f'#| msgid "{po_escape(message.previous)}"\n')
        if message.context is not None:
            out.write(po_string('msgctxt', message.context))
        out.write(po_string('msgid', message.msgid))
        if message.plural is not None:
            out.write(po_string('msgid_plural', message.plural))
            for index, form in enumerate(message.msgstr):
                out.write(po_string(f'msgstr[{index}]', form))
        else:
            out.write(po_string('msgstr', message.msgstr[0] if message.msgstr else ''))
    return out.getvalue()


def default_header(locale, plural_forms=None):
    language = 'English (source)' if locale == SOURCE_LOCALE else locale
    forms = plural_forms or KNOWN_PLURAL_FORMS.get(locale) or KNOWN_PLURAL_FORMS['en']
    return (f'Project-Id-Version: {PROJECT}\n'
            f'Language: {locale}\n'
            'MIME-Version: 1.0\n'
            'Content-Type: text/plain; charset=UTF-8\n'
            'Content-Transfer-Encoding: 8bit\n'
            f'Plural-Forms: {forms}\n'), [f'{language} catalogue of {PROJECT}.',
                                          f'Refresh: {REFRESH}']


# ---------------------------------------------------------------------------------------
# Tokens: Python (tokenize), JavaScript (a small scanner); templates go through Django's
# templatize() and are then read as Python.

@dataclass
class Token:
    kind: str     # name, string, op, comment, other
    value: object
    line: int


def python_tokens(source, first_line=1):
    tokens = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            line = tok.start[0] + first_line - 1
            if tok.type == tokenize.NAME:
                tokens.append(Token('name', tok.string, line))
            elif tok.type == tokenize.STRING:
                try:
                    value = ast.literal_eval(tok.string)
                except (ValueError, SyntaxError):
                    value = None
                tokens.append(Token('string', value, line) if isinstance(value, str) else Token('other', None, line))
            elif tok.type == tokenize.OP:
                tokens.append(Token('op', tok.string, line))
            elif tok.type == tokenize.COMMENT:
                tokens.append(Token('comment', tok.string[1:].strip(), tok.end[0] + first_line - 1))
            elif tok.type in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
                              tokenize.ENDMARKER, tokenize.ENCODING):
                continue
            else:  # numbers, f-string parts, ...
                tokens.append(Token('other', tok.string, line))
    except (tokenize.TokenError, SyntaxError) as error:
        raise SyntaxError(f'cannot tokenize: {error}') from None
    return tokens


_JS_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', 'v': '\v', '0': '\0'}
_JS_REGEX_AFTER_WORDS = {'return', 'typeof', 'case', 'do', 'else', 'in', 'instanceof', 'new', 'delete',
                         'void', 'throw', 'yield', 'await'}


def _js_string(source, start):
    """(value, end) of the JS string literal opening at source[start]."""
    quote, index, out = source[start], start + 1, []
    while index < len(source):
        char = source[index]
        if char == quote:
            return ''.join(out), index + 1
        if char == '\\':
            nxt = source[index + 1]
            if nxt == 'u' and source[index + 2] == '{':
                end = source.index('}', index)
                out.append(chr(int(source[index + 3:end], 16)))
                index = end + 1
                continue
            if nxt == 'u':
                out.append(chr(int(source[index + 2:index + 6], 16)))
                index += 6
                continue
            if nxt == 'x':
                out.append(chr(int(source[index + 2:index + 4], 16)))
                index += 4
                continue
            if nxt == '\r' and source[index + 2:index + 3] == '\n':
                index += 3
                continue
            if nxt in '\n\r\u2028\u2029':
                index += 2
                continue
            out.append(_JS_ESCAPES.get(nxt, nxt))
            index += 2
            continue
        if char == '\n':
            raise SyntaxError('unterminated string literal')
        out.append(char)
        index += 1
    raise SyntaxError('unterminated string literal')


def js_tokens(source):
    tokens, index, line = [], 0, 1
    length = len(source)

    def significant():
        for tok in reversed(tokens):
            if tok.kind != 'comment':
                return tok
        return None

    while index < length:
        char = source[index]
        if char == '\n':
            line += 1
            index += 1
        elif char.isspace():
            index += 1
        elif source.startswith('//', index):
            end = source.find('\n', index)
            end = length if end < 0 else end
            tokens.append(Token('comment', source[index + 2:end].strip(), line))
            index = end
        elif source.startswith('/*', index):
            end = source.find('*/', index + 2)
            end = length if end < 0 else end
            text = source[index + 2:end]
            line += text.count('\n')
            tokens.append(Token('comment', ' '.join(part.strip(' *') for part in text.splitlines()).strip(), line))
            index = end + 2
        elif char in '\'"':
            value, end = _js_string(source, index)
            tokens.append(Token('string', value, line))
            index = end
        elif char == '`':
            depth, index2 = 0, index + 1
            while index2 < length:
                c = source[index2]
                if c == '\\':
                    index2 += 2
                    continue
                if c == '`' and depth == 0:
                    break
                if source.startswith('${', index2):
                    depth += 1
                elif c == '}' and depth:
                    depth -= 1
                index2 += 1
            line += source.count('\n', index, index2)
            tokens.append(Token('other', None, line))
            index = index2 + 1
        elif char == '/':
            prev = significant()
            is_regex = prev is None or (prev.kind == 'op' and prev.value not in (')', ']')) or (
                prev.kind == 'name' and prev.value in _JS_REGEX_AFTER_WORDS)
            if is_regex:
                index2, in_class = index + 1, False
                while index2 < length and source[index2] != '\n':
                    c = source[index2]
                    if c == '\\':
                        index2 += 2
                        continue
                    if c == '[':
                        in_class = True
                    elif c == ']':
                        in_class = False
                    elif c == '/' and not in_class:
                        break
                    index2 += 1
                index2 += 1
                while index2 < length and (source[index2].isalnum() or source[index2] == '_'):
                    index2 += 1
                tokens.append(Token('other', source[index:index2], line))
                index = index2
            else:
                tokens.append(Token('op', '/', line))
                index += 1
        elif char.isalpha() or char in '_$':
            match = re.compile(r'[\w$]+').match(source, index)
            tokens.append(Token('name', match.group(0), line))
            index = match.end()
        elif char.isdigit():
            match = re.compile(r'[\w.]+').match(source, index)
            tokens.append(Token('other', match.group(0), line))
            index = match.end()
        else:
            tokens.append(Token('op', char, line))
            index += 1
    return tokens


def template_tokens(source):
    """Tokens of the translatable calls Django's templatize() finds in a template."""
    from django.utils.translation.template import templatize  # pylint: disable=import-outside-toplevel
    import warnings  # pylint: disable=import-outside-toplevel

    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        code = templatize(source)
    tokens = []
    for number, line in enumerate(code.split('\n'), 1):
        if line.strip():
            tokens.extend(python_tokens(line.strip() + '\n', first_line=number))
    return tokens


# ---------------------------------------------------------------------------------------
# Finding calls

@dataclass
class Found:
    msgid: str
    context: str
    plural: str
    line: int
    comments: list


def _arguments(tokens, start):
    """[literal str or None per argument], index after the closing parenthesis."""
    args, current, depth, index = [], [], 0, start
    while index < len(tokens):
        tok = tokens[index]
        if tok.kind == 'op' and tok.value in '([{':
            depth += 1
        elif tok.kind == 'op' and tok.value in ')]}':
            if depth == 0:
                if current:
                    args.append(current)
                break
            depth -= 1
        if depth == 0 and tok.kind == 'op' and tok.value == ',':
            args.append(current)
            current = []
        elif tok.kind != 'comment':
            current.append(tok)
        index += 1
    values = []
    for arg in args:
        parts, expect_string = [], True
        for tok in arg:
            if tok.kind == 'string':
                parts.append(tok.value)
                expect_string = False
            elif tok.kind == 'op' and tok.value == '+' and not expect_string:
                expect_string = True
            else:
                parts = None
                break
        values.append(''.join(parts) if parts is not None and not expect_string else None)
    return values, index + 1


def _translator_comments(tokens, index, comment_lines):
    """Comments starting with "Translators:" on the call's line or just above it."""
    line = tokens[index].line
    block, probe = [], line - 1
    if line in comment_lines:
        block.append(comment_lines[line])
    while probe in comment_lines:
        block.insert(0, comment_lines[probe])
        probe -= 1
    for position, text in enumerate(block):
        if text.lower().startswith('translators:'):
            return block[position:]
    return []


def find_calls(tokens):
    comment_lines = {tok.line: tok.value for tok in tokens if tok.kind == 'comment'}
    code = [tok for tok in tokens if tok.kind != 'comment']
    found = []
    for index, tok in enumerate(code):
        if tok.kind != 'name' or tok.value not in KEYWORDS:
            continue
        if index + 1 >= len(code) or code[index + 1].kind != 'op' or code[index + 1].value != '(':
            continue
        before = code[index - 1] if index else None
        if before is not None and before.kind == 'name' and before.value in DEFINERS:
            continue
        values, _end = _arguments(code, index + 2)
        roles = KEYWORDS[tok.value]
        if len(values) < len(roles) or any(values[i] is None for i in range(len(roles))):
            continue
        named = dict(zip(roles, values))
        if not named['msgid']:
            continue
        found.append(Found(named['msgid'], named.get('context'), named.get('plural'), tok.line,
                           _translator_comments(code, index, comment_lines)))
    return found


# ---------------------------------------------------------------------------------------
# Extraction

def rel(path):
    return Path(path).resolve().relative_to(ROOT).as_posix()


def source_files():
    """{domain: [paths]} of the files scanned, in a stable order."""
    python = sorted(p for p in PACKAGE.rglob('*.py')
                    if 'migrations' not in p.parts and '__pycache__' not in p.parts)
    templates = sorted(p for p in PACKAGE.rglob('*') if p.suffix in TEMPLATE_SUFFIXES and p.is_file()
                       and '__pycache__' not in p.parts and 'templates' in p.relative_to(PACKAGE).parts)
    scripts = sorted(p for p in STATIC.rglob('*.js') if not re.fullmatch(r'i18n-.*\.js', p.name))
    return {'text': python + templates, 'textjs': scripts}


def tokens_of(path):
    source = Path(path).read_text(encoding='utf-8')
    if path.suffix == '.py':
        return python_tokens(source)
    if path.suffix in TEMPLATE_SUFFIXES:
        return template_tokens(source)
    return js_tokens(source)


def extract():
    """{domain: Catalogue} of the source strings (English, empty msgstr)."""
    result = {}
    for domain, paths in source_files().items():
        header, comments = default_header(SOURCE_LOCALE)
        catalogue = Catalogue(header=header, header_comments=comments)
        for path in paths:
            try:
                calls = find_calls(tokens_of(path))
            except SyntaxError as error:
                raise SystemExit(f'{rel(path)}: {error}') from None
            for call in calls:
                key = (call.context or '', call.msgid)
                message = catalogue.messages.get(key)
                if message is None:
                    message = catalogue.messages[key] = Message(
                        msgid=call.msgid, context=call.context, plural=call.plural)
                elif call.plural and message.plural and call.plural != message.plural:
                    raise SystemExit(f'{rel(path)}:{call.line}: "{call.msgid}" has two plural forms: '
                                     f'"{message.plural}" and "{call.plural}"')
                message.plural = message.plural or call.plural
                if rel(path) not in message.references:
                    message.references.append(rel(path))
                for comment in call.comments:
                    if comment not in message.extracted:
                        message.extracted.append(comment)
        for message in catalogue.messages.values():
            if message.plural is not None:
                message.msgstr = ['', '']
            if not message.flags and re.search(r'\{\w+\}', message.msgid + (message.plural or '')):
                message.flags = ['python-brace-format']
        result[domain] = catalogue
    return result


def po_path(locale, domain):
    return TRANSLATIONS / locale / 'LC_MESSAGES' / f'{domain}.po'


def locales():
    if not TRANSLATIONS.is_dir():
        return []
    return sorted(p.name for p in TRANSLATIONS.iterdir()
                  if p.is_dir() and (p / 'LC_MESSAGES').is_dir() and not p.name.startswith(('.', '_')))


def merge(source, existing, locale, plural_forms=None):
    """The locale's catalogue for `source`: kept translations, new strings empty, changed
    strings pre-filled from the closest old one and marked fuzzy."""
    if existing is None:
        header, comments = default_header(locale, plural_forms)
        existing = Catalogue(header=header, header_comments=comments)
    merged = Catalogue(header=existing.header, header_comments=existing.header_comments)
    if not existing.header_field('Plural-Forms'):
        merged.set_header_field('Plural-Forms', plural_forms or KNOWN_PLURAL_FORMS.get(locale)
                                or KNOWN_PLURAL_FORMS['en'])
    merged.set_header_field('Language', locale)
    nplurals = merged.nplurals
    unused = {key: m for key, m in existing.messages.items() if key not in source.messages}
    for key, src in source.messages.items():
        old = existing.messages.get(key)
        message = Message(msgid=src.msgid, context=src.context, plural=src.plural,
                          references=list(src.references), extracted=list(src.extracted),
                          flags=[f for f in src.flags if f != 'fuzzy'])
        size = nplurals if src.plural is not None else 1
        if old is not None:
            message.comments = old.comments
            message.msgstr = list(old.msgstr)
            if old.fuzzy or (old.plural != src.plural):
                message.flags.insert(0, 'fuzzy')
                message.previous = old.previous if old.fuzzy else old.msgid
        else:
            message.msgstr = [''] * size
            guess = _closest(src, unused)
            if guess is not None and any(guess.msgstr):
                message.msgstr = list(guess.msgstr)
                message.comments = guess.comments
                message.flags.insert(0, 'fuzzy')
                message.previous = guess.msgid
        if len(message.msgstr) != size:
            if size == 1:
                message.msgstr = message.msgstr[:1]
            else:
                message.msgstr = (message.msgstr + [message.msgstr[-1]] * size)[:size] \
                    if any(message.msgstr) else [''] * size
        merged.messages[key] = message
    return merged


def _closest(message, candidates):
    best, best_ratio = None, 0.0
    for candidate in candidates.values():
        if (candidate.plural is None) != (message.plural is None):
            continue
        ratio = difflib.SequenceMatcher(None, message.msgid, candidate.msgid).ratio()
        if ratio > best_ratio:
            best, best_ratio = candidate, ratio
    return best if best_ratio >= 0.75 else None


def planned_po_files(plural_forms=None, new_locales=()):
    """{path: text} of every .po file as `extract` would write it."""
    sources = extract()
    files = {}
    for domain, catalogue in sources.items():
        files[po_path(SOURCE_LOCALE, domain)] = write_po(catalogue)
    for locale in sorted(set(locales()) | set(new_locales)):
        if locale == SOURCE_LOCALE:
            continue
        for domain, catalogue in sources.items():
            path = po_path(locale, domain)
            existing = read_po(path) if path.exists() else None
            files[path] = write_po(merge(catalogue, existing, locale, plural_forms))
    return files


# ---------------------------------------------------------------------------------------
# Compilation

def mo_bytes(catalogue):
    """A GNU .mo file (little-endian, no hash table) of the translated, non-fuzzy entries."""
    entries = {'': catalogue.header}
    for message in catalogue.messages.values():
        if message.fuzzy or not all(message.msgstr):
            continue
        key = message.msgid if message.plural is None else message.msgid + '\0' + message.plural
        if message.context is not None:
            key = message.context + '\x04' + key
        entries[key] = '\0'.join(message.msgstr) if message.plural is not None else message.msgstr[0]
    keys = sorted(entries, key=lambda k: k.encode('utf-8'))
    originals = [k.encode('utf-8') for k in keys]
    translations = [entries[k].encode('utf-8') for k in keys]
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    table_o, table_t, data = [], [], bytearray()
    for blob in originals:
        table_o.append((len(blob), data_at + len(data)))
        data += blob + b'\0'
    for blob in translations:
        table_t.append((len(blob), data_at + len(data)))
        data += blob + b'\0'
    out = struct.pack('<7I', 0x950412de, 0, count, originals_at, translations_at, 0, data_at)
    out += b''.join(struct.pack('<2I', *pair) for pair in table_o)
    out += b''.join(struct.pack('<2I', *pair) for pair in table_t)
    return out + bytes(data)


def js_plural(expression):
    if not re.fullmatch(r'[n0-9\s()?:<>=!&|%+\-*/]+', expression):
        raise SystemExit(f'Unexpected Plural-Forms expression: {expression!r}')
    return expression


def js_catalogue(catalogue, locale, source):
    entries = {}
    for message in catalogue.messages.values():
        if message.fuzzy or not all(message.msgstr):
            continue
        key = message.msgid if message.context is None else message.context + '\x04' + message.msgid
        entries[key] = message.msgstr if message.plural is not None else message.msgstr[0]
    body = ',\n'.join(f'        {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}'
                      for k, v in sorted(entries.items()))
    return f'''/* Generated by `python tools/i18n.py compile` from {source}. Do not edit. */
(function (window) {{
    'use strict';
    var catalogue = {{
{body}
    }};

    function pluralidx(n) {{
        var form = ({js_plural(catalogue.plural_expression)});
        return typeof form === 'boolean' ? (form ? 1 : 0) : form;
    }}

    function lookup(key) {{
        return Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : undefined;
    }}

    function gettext(msgid) {{
        var value = lookup(msgid);
        if (value === undefined) {{ return msgid; }}
        return typeof value === 'string' ? value : value[0];
    }}

    function ngettext(singular, plural, count) {{
        var value = lookup(singular);
        if (value === undefined || typeof value === 'string') {{ return count === 1 ? singular : plural; }}
        var form = value[pluralidx(count)];
        return form === undefined ? value[value.length - 1] : form;
    }}

    function pgettext(context, msgid) {{
        var value = lookup(context + '\\x04' + msgid);
        if (value === undefined) {{ return msgid; }}
        return typeof value === 'string' ? value : value[0];
    }}

    function npgettext(context, singular, plural, count) {{
        var value = lookup(context + '\\x04' + singular);
        if (value === undefined || typeof value === 'string') {{ return count === 1 ? singular : plural; }}
        var form = value[pluralidx(count)];
        return form === undefined ? value[value.length - 1] : form;
    }}

    window.{JS_NAMESPACE} = {{
        locale: {json.dumps(locale)}, gettext: gettext, ngettext: ngettext, pgettext: pgettext,
        npgettext: npgettext, pluralidx: pluralidx
    }};
}}(window));
'''


def js_name(locale):
    return JS_CATALOGUE.format(name=locale.lower().replace('_', '-'))


def planned_compiled_files(po_texts=None):
    """{path: bytes} of every compiled file, from the .po files on disk (or `po_texts`)."""
    def load(path):
        if po_texts is not None and path in po_texts:
            return read_po(path, po_texts[path])
        return read_po(path) if path.exists() else None

    files = {}
    for locale in locales():
        text = load(po_path(locale, 'text'))
        if text is not None:
            files[po_path(locale, 'text').with_suffix('.mo')] = mo_bytes(text)
        if locale != SOURCE_LOCALE:
            js = load(po_path(locale, 'textjs'))
            if js is not None:
                files[STATIC / js_name(locale)] = js_catalogue(
                    js, locale, rel(po_path(locale, 'textjs'))).encode('utf-8')
    return files


# ---------------------------------------------------------------------------------------
# Checks

PLACEHOLDER = re.compile(r'\{\w*\}|%\(\w+\)[sd]|%[sd]')


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def translation_problems(path, catalogue, locale):
    problems = []
    nplurals = catalogue.nplurals
    if locale in KNOWN_PLURAL_FORMS and catalogue.header_field('Plural-Forms') != KNOWN_PLURAL_FORMS[locale]:
        problems.append(f'{rel(path)}: Plural-Forms should be "{KNOWN_PLURAL_FORMS[locale]}"')
    for message in catalogue.messages.values():
        where = f'{rel(path)}: "{message.describe()}"'
        if message.fuzzy:
            problems.append(f'{where} is fuzzy: check the translation, then remove the fuzzy flag')
        if not all(message.msgstr):
            problems.append(f'{where} has no translation')
            continue
        if message.plural is not None:
            if len(message.msgstr) != nplurals:
                problems.append(f'{where} has {len(message.msgstr)} plural forms, not {nplurals}')
            allowed = set(placeholders(message.msgid) + placeholders(message.plural))
            for form in message.msgstr:
                extra = set(placeholders(form)) - allowed
                if extra:
                    problems.append(f'{where}: unknown placeholder(s) {sorted(extra)} in "{form}"')
        elif placeholders(message.msgstr[0]) != placeholders(message.msgid):
            problems.append(f'{where}: placeholders {placeholders(message.msgstr[0])} in the translation '
                            f'differ from {placeholders(message.msgid)}')
    return problems


def check():
    problems = []
    strings_differ = False
    sources = extract()
    for domain, catalogue in sources.items():
        path = po_path(SOURCE_LOCALE, domain)
        if not path.exists():
            problems.append(f'{rel(path)} is missing')
            continue
        committed = read_po(path)
        added = [m for k, m in catalogue.messages.items() if k not in committed.messages]
        removed = [m for k, m in committed.messages.items() if k not in catalogue.messages]
        for message in added:
            problems.append(f'{rel(path)}: new string in the code, not in the catalogue: '
                            f'"{message.describe()}" ({", ".join(message.references)})')
        for message in removed:
            problems.append(f'{rel(path)}: string no longer in the code: "{message.describe()}"')
        for key, message in catalogue.messages.items():
            old = committed.messages.get(key)
            if old is not None and old.plural != message.plural:
                problems.append(f'{rel(path)}: plural of "{message.msgid}" changed to "{message.plural}"')
                strings_differ = True
        strings_differ = strings_differ or bool(added or removed)
    planned = planned_po_files()
    for path, text in planned.items():
        locale = path.parent.parent.name
        if not path.exists():
            problems.append(f'{rel(path)} is missing')
            continue
        if path.read_text(encoding='utf-8') != text and not strings_differ:
            problems.append(f'{rel(path)} is not what extract writes (references, comments or layout)')
        if locale != SOURCE_LOCALE:
            problems.extend(translation_problems(path, read_po(path), locale))
    for locale in locales():
        for domain in DOMAINS:
            if not po_path(locale, domain).exists():
                problems.append(f'{rel(po_path(locale, domain))} is missing')
    for path, blob in planned_compiled_files().items():
        if not path.exists():
            problems.append(f'{rel(path)} is missing')
        elif path.read_bytes() != blob:
            problems.append(f'{rel(path)} is stale: compile it again')
    expected = set(planned_compiled_files())
    for stray in STATIC.glob(JS_CATALOGUE.format(name='*')):
        if stray not in expected:
            problems.append(f'{rel(stray)} has no catalogue: delete it')
    return problems


# ---------------------------------------------------------------------------------------
# Commands

def write_if_changed(path, content):
    data = content.encode('utf-8') if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def cmd_extract(args):
    files = planned_po_files(args.plural_forms, args.new_locale or ())
    for path, text in files.items():
        changed = write_if_changed(path, text)
        print(f'{"wrote" if changed else "unchanged"} {rel(path)}')
    sources = {domain: read_po(po_path(SOURCE_LOCALE, domain)) for domain in DOMAINS}
    print(', '.join(f'{domain}: {len(c.messages)} strings' for domain, c in sources.items()))
    for locale in locales():
        if locale == SOURCE_LOCALE:
            continue
        todo = sum(1 for domain in DOMAINS for m in read_po(po_path(locale, domain)).messages.values()
                   if m.fuzzy or not all(m.msgstr))
        if todo:
            print(f'{locale}: {todo} string(s) to translate or review (empty or fuzzy)')
    return 0


def cmd_compile(_args):
    for path, blob in planned_compiled_files().items():
        changed = write_if_changed(path, blob)
        print(f'{"wrote" if changed else "unchanged"} {rel(path)}')
    return 0


def cmd_check(_args):
    problems = check()
    if problems:
        print('Translation catalogues are out of date or incomplete:')
        for problem in problems:
            print(f'  - {problem}')
        print(f'Refresh with `{REFRESH}`, translate what is empty or fuzzy, then compile again.')
        return 1
    print('Translation catalogues are up to date and complete.')
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    commands = parser.add_subparsers(dest='command', required=True)
    extract_parser = commands.add_parser('extract', help='update the .po files from the code')
    extract_parser.add_argument('--new-locale', action='append', metavar='LOCALE',
                                help='also create catalogues for this locale')
    extract_parser.add_argument('--plural-forms', help='Plural-Forms for a new locale')
    extract_parser.set_defaults(run=cmd_extract)
    commands.add_parser('compile', help='write text.mo and public/static/i18n-<locale>.js').set_defaults(run=cmd_compile)
    commands.add_parser('check', help='fail when anything is out of date').set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    _setup_django()
    return args.run(args)


def _setup_django():
    """templatize() only needs Django's settings to exist."""
    try:
        from django.conf import settings  # pylint: disable=import-outside-toplevel
    except ImportError:
        raise SystemExit('Django is needed to read the templates: use the project venv '
                         '(.venv/py3.12/bin/python tools/i18n.py ...)') from None
    if not settings.configured:
        settings.configure(USE_I18N=True)


if __name__ == '__main__':
    sys.exit(main())
