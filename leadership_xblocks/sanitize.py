"""The one place where HTML is cleaned.

No `style` attribute is allowed anywhere, so no CSS payload can survive.

Authored HTML is cleaned when OLX is parsed or saved in Studio; learner text when it
is submitted. Views render the stored, already clean HTML and never clean it again.
"""

import html as html_lib
import re

import bleach

AUTHORED_TAGS = frozenset(
    {
        'a',
        'abbr',
        'b',
        'blockquote',
        'br',
        'caption',
        'cite',
        'code',
        'dd',
        'div',
        'dl',
        'dt',
        'em',
        'figcaption',
        'figure',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'hr',
        'i',
        'img',
        'li',
        'ol',
        'p',
        'pre',
        'q',
        's',
        'small',
        'span',
        'strong',
        'sub',
        'sup',
        'table',
        'tbody',
        'td',
        'tfoot',
        'th',
        'thead',
        'tr',
        'u',
        'ul',
    }
)
AUTHORED_ATTRIBUTES = {
    '*': ['class', 'lang', 'dir', 'title'],
    'a': ['href', 'rel', 'target'],
    'abbr': ['title'],
    'img': ['src', 'alt', 'width', 'height'],
    'td': ['colspan', 'rowspan', 'headers'],
    'th': ['colspan', 'rowspan', 'scope', 'id'],
    'ol': ['start', 'type'],
}
LEARNER_TAGS = frozenset({'p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote'})
PROTOCOLS = frozenset({'http', 'https', 'mailto'})

# Elements whose content is never text worth keeping: removed whole, but only when they are
# real elements (closed, or self-closed as XML writes an empty one: `<iframe/>`). An unclosed
# one ("I used a <style> of leadership") is the writer's words, kept as escaped text.
_DANGEROUS = r'(?:script|style|iframe|object|embed|template|noscript|svg|math|frame|frameset)'
_DROP_WITH_CONTENT = re.compile(
    rf'<{_DANGEROUS}\b[^<>]*/\s*>|<({_DANGEROUS})\b[^<>]*>.*?</\1\s*>', re.IGNORECASE | re.DOTALL
)
# Anything an HTML parser would read as markup: a tag name, `</`, `<!` or `<?`.
_MARKUP_START = re.compile(r'<(?P<close>/?)(?:(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<rest>[^<>]*)(?P<end>>?)|[!?/])')
_COMMENT = re.compile(r'<!--.*?-->', re.DOTALL)
# Every element name of HTML (WHATWG), so `<manager>` or `<leadership>` reads as text, not as a tag.
HTML_ELEMENTS = frozenset(
    """
a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite
code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure
footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label
legend li link main map mark math menu meta meter nav noscript object ol optgroup option output p param
picture pre progress q rp rt ruby s samp script search section select slot small source span strong
style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track u ul var
video wbr
""".split()
)
_DANGEROUS_NAMES = frozenset(_DANGEROUS[3:-1].split('|'))


def _keep_words(html, unknown_tags_are_text):
    """Escape every `<` that does not open real markup, so the parser keeps the words after it.

    An HTML parser swallows what follows an unclosed `<style`, `<!`, `<?`, `</3` or a tag cut
    off before its `>`; those become text here. Closed dangerous elements and closed comments
    were removed before. With `unknown_tags_are_text`, names that are not HTML elements
    (`<manager>`) are text too.
    """

    def replace(match):
        name = (match.group('name') or '').lower()
        if not name:  # `<!`, `<?` or `</` + non-letter: a bogus comment to a parser
            return '&lt;' + match.group(0)[1:]
        if not match.group('end') or name in _DANGEROUS_NAMES or (unknown_tags_are_text and name not in HTML_ELEMENTS):
            return '&lt;' + match.group(0)[1:]
        return match.group(0)

    return _MARKUP_START.sub(replace, html)


def _prepare(html, unknown_tags_are_text=True):
    """Remove real dangerous elements and comments, and make every other stray `<` text."""
    text = _COMMENT.sub('', _DROP_WITH_CONTENT.sub('', html or ''))
    return _keep_words(text, unknown_tags_are_text)


_authored = bleach.Cleaner(
    tags=AUTHORED_TAGS,
    attributes=AUTHORED_ATTRIBUTES,
    protocols=PROTOCOLS,
    strip=True,
    strip_comments=True,
)
_learner = bleach.Cleaner(tags=LEARNER_TAGS, attributes={}, protocols=PROTOCOLS, strip=True, strip_comments=True)


def clean_authored_html(html):
    """Clean HTML written by course teams: formatting, links, images and tables survive."""
    return _authored.clean(_prepare(html, unknown_tags_are_text=False)).strip()


def clean_learner_html(text):
    """Clean text written by learners: a small set of formatting tags, nothing executable."""
    return _learner.clean(_prepare(text)).strip()


def plain_text(html):
    """Strip every tag and return unescaped text: for labels, titles, exports and CSV cells.

    The result is text, not HTML: templates and JS must escape it when they show it.
    """
    return html_lib.unescape(bleach.clean(_prepare(html), tags=set(), strip=True, strip_comments=True)).strip()
