# cython: language_level=3
"""The HTML parser's events straight to the compiled segmenter.

lxml's parser-target protocol costs more than the parse itself: for each element lxml
builds a dict of all its attributes and decodes every name and value, and for each
text node (script and style included) it decodes the text, then calls the target
through Python. This module drives the same libxml2 (lxml's own copy: its functions are
looked up in the already loaded ``lxml.etree`` module, so the parse is the one lxml
would make) with its own SAX handlers, set up as lxml sets up a target parser with
``segment._target_parser``'s options. The handlers call the segmenter's methods in C,
read only the attributes it reads (class and id; the whole dict only for an element
that has one of the others it looks at), and do not decode text the segmenter would
throw away (inside script, style and the other skipped elements).

Optional, like the compiled segmenter: ``segment.py`` uses it when it was built, when
the libxml2 that lxml loaded is the version this module was compiled against, and
when the compiled segmenter is in use; otherwise lxml's target parser runs (same
segmentation, slower). ``tests/test_sax.py`` checks that both give the same.
"""
from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.limits cimport INT_MAX
from libc.stdint cimport uint64_t
from libc.string cimport memcpy, strcmp, strlen

from boilerstrip._events cimport Segmenter


cdef extern from "dlfcn.h" nogil:
    void* dlopen(const char* filename, int flag)
    void* dlsym(void* handle, const char* symbol)
    int RTLD_LAZY
    int RTLD_NOLOAD


cdef extern from "libxml/xmlversion.h":
    int LIBXML_VERSION


cdef extern from "libxml/parser.h":
    ctypedef unsigned char xmlChar
    ctypedef struct xmlError:
        int level
        int code
    ctypedef void (*startElementSAXFunc)(void* ctx, const xmlChar* name, const xmlChar** atts) noexcept
    ctypedef void (*endElementSAXFunc)(void* ctx, const xmlChar* name) noexcept
    ctypedef void (*charactersSAXFunc)(void* ctx, const xmlChar* ch, int len) noexcept
    ctypedef void (*xmlStructuredErrorFunc)(void* userData, const xmlError* error) noexcept
    ctypedef struct xmlSAXHandler:
        startElementSAXFunc startElement
        endElementSAXFunc endElement
        charactersSAXFunc characters
        charactersSAXFunc cdataBlock
        void* comment
        void* processingInstruction
        void* reference
        void* getParameterEntity
        void* startElementNs
        void* endElementNs
        xmlStructuredErrorFunc serror
        void* _private
        unsigned int initialized
    ctypedef struct xmlParserCtxt:
        xmlSAXHandler* sax
        void* _private
        int replaceEntities
    ctypedef struct xmlDoc:
        pass
    unsigned int XML_SAX2_MAGIC
    int XML_ERR_ERROR
    int XML_PARSE_HUGE


cdef extern from "libxml/HTMLparser.h":
    int HTML_PARSE_RECOVER
    int HTML_PARSE_NONET
    int HTML_PARSE_COMPACT
    int HTML_PARSE_NODEFDTD


ctypedef xmlParserCtxt* (*_new_ctxt_f)() noexcept nogil
ctypedef xmlDoc* (*_read_memory_f)(xmlParserCtxt* ctxt, const char* buffer, int size, const char* url,
                                   const char* encoding, int options) noexcept nogil
ctypedef void (*_free_ctxt_f)(xmlParserCtxt* ctxt) noexcept nogil
ctypedef void (*_free_doc_f)(xmlDoc* doc) noexcept nogil
ctypedef void (*_stop_f)(xmlParserCtxt* ctxt) noexcept nogil

cdef _new_ctxt_f _new_ctxt = NULL
cdef _read_memory_f _read_memory = NULL
cdef _free_ctxt_f _free_ctxt = NULL
cdef _free_doc_f _free_doc = NULL
cdef _stop_f _stop = NULL

# segment._target_parser's parser, as lxml's HTMLParser turns its arguments into options
# (recover, no_network and compact by default; default_doctype=False; huge_tree=True)
cdef int _OPTIONS = (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_COMPACT
                     | HTML_PARSE_NODEFDTD | XML_PARSE_HUGE)
cdef enum:
    _CACHE = 64  # tag names remembered by address (libxml2 interns them)


def _bind():
    """Find libxml2's functions in the loaded lxml.etree; why not, when they are not."""
    global _new_ctxt, _read_memory, _free_ctxt, _free_doc, _stop
    from lxml import etree

    v = etree.LIBXML_VERSION
    if v[0] * 10000 + v[1] * 100 + v[2] != LIBXML_VERSION:
        return f"lxml runs libxml2 {v}, this module was built for {LIBXML_VERSION}"
    handle = dlopen(etree.__file__.encode(), RTLD_LAZY | RTLD_NOLOAD)
    if handle == NULL:
        return "lxml.etree's library could not be opened"
    _new_ctxt = <_new_ctxt_f>dlsym(handle, "htmlNewParserCtxt")
    _read_memory = <_read_memory_f>dlsym(handle, "htmlCtxtReadMemory")
    _free_ctxt = <_free_ctxt_f>dlsym(handle, "htmlFreeParserCtxt")
    _free_doc = <_free_doc_f>dlsym(handle, "xmlFreeDoc")
    _stop = <_stop_f>dlsym(handle, "xmlStopParser")
    if (_new_ctxt == NULL or _read_memory == NULL or _free_ctxt == NULL or _free_doc == NULL
            or _stop == NULL):
        _new_ctxt = NULL
        return "libxml2's functions are not exported by lxml.etree"
    return None


UNAVAILABLE = _bind()  # None when segment() can run


cdef class _Run:
    """One parse: the segmenter, the first exception a handler met (the parse stops
    there, as lxml stops it), the last error libxml2 reported, and tag names by address."""
    cdef Segmenter seg
    cdef object exc
    cdef int last_error
    cdef const xmlChar* keys[_CACHE]
    cdef PyObject* names[_CACHE]

    def __dealloc__(self):
        cdef int i
        for i in range(_CACHE):
            Py_XDECREF(self.names[i])

    cdef inline object tag(self, const xmlChar* name):
        cdef size_t slot = (<size_t>name >> 3) % _CACHE
        cdef object got
        if self.keys[slot] == name and self.names[slot] != NULL:
            return <object>self.names[slot]
        got = PyUnicode_DecodeUTF8(<const char*>name, strlen(<const char*>name), NULL)
        Py_XDECREF(self.names[slot])
        Py_INCREF(got)
        self.names[slot] = <PyObject*>got
        self.keys[slot] = name
        return got


cdef inline str _utf8(const xmlChar* s):
    if s == NULL:
        return ""
    return PyUnicode_DecodeUTF8(<const char*>s, strlen(<const char*>s), NULL)


cdef inline bint _ascii_space(const xmlChar* ch, int n) noexcept:
    # str.isspace() of these bytes when they are ASCII (False for anything else, which
    # Segmenter.data then judges itself)
    cdef int i
    cdef xmlChar c
    if n <= 0:
        return False
    for i in range(n):
        c = ch[i]
        if not (c == 0x20 or 0x09 <= c <= 0x0D or 0x1C <= c <= 0x1F):
            return False
    return True


cdef inline bint _other_key(const char* name) noexcept:
    # segment's _OTHER_KEYS: the attributes _events._other_hints reads
    # (by first letter: most attributes, href, src, alt, data-*, are none of them)
    cdef char c = name[0]
    if c == b's':
        return strcmp(name, "style") == 0
    if c == b'r':
        return strcmp(name, "role") == 0 or strcmp(name, "rel") == 0
    if c == b'i':
        return strcmp(name, "itemprop") == 0
    if c == b'h':
        return strcmp(name, "hidden") == 0
    return False


cdef void _fail(xmlParserCtxt* ctxt, _Run run, exc) noexcept:
    run.exc = exc
    _stop(ctxt)


cdef void _on_start(void* ctx, const xmlChar* name, const xmlChar** atts) noexcept:
    cdef xmlParserCtxt* ctxt = <xmlParserCtxt*>ctx
    cdef _Run run = <_Run>ctxt._private
    cdef const xmlChar** a
    cdef const char* key
    cdef bint other = False
    if run.exc is not None:
        return
    try:
        tag = run.tag(name)
        cls = ident = attrib = None
        if atts != NULL and not run.seg.skipping:
            a = atts
            while a[0] != NULL:
                key = <const char*>a[0]
                if key[0] == b'c' and strcmp(key, "class") == 0:
                    cls = _utf8(a[1])
                elif key[0] == b'i' and key[1] == b'd' and key[2] == 0:
                    ident = _utf8(a[1])
                elif not other and _other_key(key):
                    other = True
                a += 2
            if other:  # all of them, as lxml's target parser gives them
                attrib = {}
                a = atts
                while a[0] != NULL:
                    attrib[_utf8(a[0])] = _utf8(a[1])
                    a += 2
        run.seg.open(tag, cls, ident, attrib)
    except BaseException as exc:
        _fail(ctxt, run, exc)


cdef void _on_end(void* ctx, const xmlChar* name) noexcept:
    cdef xmlParserCtxt* ctxt = <xmlParserCtxt*>ctx
    cdef _Run run = <_Run>ctxt._private
    if run.exc is not None:
        return
    try:
        run.seg.end(run.tag(name))
    except BaseException as exc:
        _fail(ctxt, run, exc)


cdef void _on_text(void* ctx, const xmlChar* ch, int n) noexcept:
    cdef xmlParserCtxt* ctxt = <xmlParserCtxt*>ctx
    cdef _Run run = <_Run>ctxt._private
    cdef Segmenter seg = run.seg
    if run.exc is not None:
        return
    # (what Segmenter.data returns at once for, without decoding the text)
    if seg.skipping:
        if not seg.in_title:
            return
    elif not seg.stack:
        return
    elif not seg.buf and not seg.pre_depth and _ascii_space(ch, n):
        return  # the indentation between two block tags
    try:
        seg.data(PyUnicode_DecodeUTF8(<const char*>ch, n, NULL))
    except BaseException as exc:
        _fail(ctxt, run, exc)


cdef void _on_error(void* ctx, const xmlError* err) noexcept:
    # lxml's error log keeps the last error (not warning) as its last_error
    cdef xmlParserCtxt* ctxt = <xmlParserCtxt*>ctx
    if err != NULL and err.level >= XML_ERR_ERROR and ctxt != NULL and ctxt._private != NULL:
        (<_Run>ctxt._private).last_error = err.code


def parse(Segmenter seg, bytes data):
    """Feed ``data`` (UTF-8 markup) to ``seg``. Returns (the exception a handler raised
    or None, the code of libxml2's last error or 0). None when this module cannot run or
    the input is too long for libxml2's memory parser (the caller uses lxml's parser)."""
    cdef xmlParserCtxt* ctxt
    cdef xmlSAXHandler* sax
    cdef xmlDoc* doc
    cdef _Run run
    if _new_ctxt == NULL or len(data) > INT_MAX:
        return None
    ctxt = _new_ctxt()
    if ctxt == NULL:
        raise MemoryError()
    run = _Run()
    run.seg = seg
    try:
        sax = ctxt.sax
        # as lxml's HTML parser context (SAX2 errors, no namespaced element events) ...
        sax.initialized = XML_SAX2_MAGIC
        sax.serror = _on_error
        sax.startElementNs = NULL
        sax.endElementNs = NULL
        sax._private = NULL
        # ... with a target: elements and text to it, no comments, PIs, CDATA or references
        sax.startElement = _on_start
        sax.endElement = _on_end
        sax.characters = _on_text
        sax.cdataBlock = NULL
        sax.comment = NULL
        sax.processingInstruction = NULL
        sax.reference = NULL
        sax.getParameterEntity = NULL
        ctxt.replaceEntities = 1
        ctxt._private = <void*>run
        doc = _read_memory(ctxt, data, <int>len(data), NULL, "utf-8", _OPTIONS)
        if doc != NULL:
            _free_doc(doc)
    finally:
        ctxt._private = NULL
        _free_ctxt(ctxt)
    return run.exc, run.last_error


def control_free(bytes data):
    """Whether ``data`` holds no C0 control byte but tab, LF and CR: then
    ``_input.markup_bytes`` need not delete any (``bytes.translate`` with a delete set
    copies the page at a few instructions a byte; this loop only reads it, eight bytes
    at a time: only a word holding a byte below 0x20 is looked at byte by byte)."""
    cdef const unsigned char* p = data
    cdef Py_ssize_t i = 0, j, n = len(data)
    cdef uint64_t w
    while i + 8 <= n:
        memcpy(&w, p + i, 8)
        # (a byte of w is below 0x20 if this is not 0: the "has less than" word test)
        if (w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL:
            for j in range(i, i + 8):
                if _control(p[j]):
                    return False
        i += 8
    for j in range(i, n):
        if _control(p[j]):
            return False
    return True


cdef inline bint _control(unsigned char c) noexcept:
    return c < 0x20 and c != 0x09 and c != 0x0A and c != 0x0D
