"""The one place where HTML is cleaned.

No `style` attribute is allowed anywhere, so no CSS payload can survive.

Authored HTML is cleaned when OLX is parsed or saved in Studio; learner text when it
is submitted. Views render the stored, already clean HTML and never clean it again.
"""
import html as html_lib
import re

import bleach

AUTHORED_TAGS = frozenset({
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'div', 'dl', 'dt',
    'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'li', 'ol',
    'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td',
    'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
})
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

# Elements whose content is never text worth keeping: removed whole before bleach strips tags.
# A self-closed one (`<iframe/>`, as XML writes an empty element) goes alone.
_DANGEROUS = r'(?:script|style|iframe|object|embed|template|noscript|svg|math|frame|frameset)'
_DROP_WITH_CONTENT = re.compile(
    rf'<{_DANGEROUS}\b[^<>]*/\s*>|<({_DANGEROUS})\b.*?(</\1\s*>|\Z)',
    re.IGNORECASE | re.DOTALL)

_authored = bleach.Cleaner(
    tags=AUTHORED_TAGS, attributes=AUTHORED_ATTRIBUTES, protocols=PROTOCOLS, strip=True,
    strip_comments=True,
)
_learner = bleach.Cleaner(tags=LEARNER_TAGS, attributes={}, protocols=PROTOCOLS, strip=True,
                          strip_comments=True)


def clean_authored_html(html):
    """Clean HTML written by course teams: formatting, links, images and tables survive."""
    return _authored.clean(_DROP_WITH_CONTENT.sub('', html or '')).strip()


def clean_learner_html(text):
    """Clean text written by learners: a small set of formatting tags, nothing executable."""
    return _learner.clean(_DROP_WITH_CONTENT.sub('', text or '')).strip()


def plain_text(html):
    """Strip every tag and return unescaped text: for labels, titles, exports and CSV cells.

    The result is text, not HTML: templates and JS must escape it when they show it.
    """
    return html_lib.unescape(bleach.clean(_DROP_WITH_CONTENT.sub('', html or ''), tags=set(), strip=True,
                        strip_comments=True)).strip()
